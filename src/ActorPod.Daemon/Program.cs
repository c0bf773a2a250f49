Console.WriteLine("actorpodd");
