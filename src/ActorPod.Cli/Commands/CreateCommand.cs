using System.CommandLine;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>create [OPTIONS] IMAGE [COMMAND...]</c>: prints the new container's id.</summary>
public static class CreateCommand
{
    public static Command Create()
    {
        var options = new CreateOptions();
        var command = new Command("create", "Create a container without starting it");
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            Console.WriteLine(await options.CreateAsync(client, parse, autoRemove: false, ct));
            return 0;
        });
        return command;
    }
}
