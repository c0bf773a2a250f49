Console.WriteLine("actorpod");
