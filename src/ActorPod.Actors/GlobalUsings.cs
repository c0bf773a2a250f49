global using Akka.Actor;
global using Akka.Event;
