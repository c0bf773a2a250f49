using ActorPod.Cli;

return await CliApp.RunAsync(args);
