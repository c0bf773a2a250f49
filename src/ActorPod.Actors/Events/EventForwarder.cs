using System.Threading.Channels;

namespace ActorPod.Actors.Events;

/// <summary>Copies published container events into a channel for one reader; unsubscribes when stopped.</summary>
sealed class EventForwarder : ReceiveActor
{
    public EventForwarder(ChannelWriter<ContainerEventPublished> writer)
    {
        Receive<ContainerEventPublished>(evt => writer.TryWrite(evt));
    }

    public static Props Props(ChannelWriter<ContainerEventPublished> writer) =>
        Akka.Actor.Props.Create(() => new EventForwarder(writer));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ContainerEventPublished));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
