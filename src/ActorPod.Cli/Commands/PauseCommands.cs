using System.CommandLine;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>pause CTR...</c> and <c>unpause CTR...</c>: the cgroup freezer.</summary>
public static class PauseCommands
{
    public static Command Pause() => Verb("pause", "Pause containers");

    public static Command Unpause() => Verb("unpause", "Unpause containers");

    static Command Verb(string name, string description)
    {
        var containers = new Argument<string[]>("CONTAINER") { Arity = ArgumentArity.OneOrMore };
        var command = new Command(name, description) { containers };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            return await LifecycleCommands.ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Escape(reference)}/{name}", ct);
                Console.WriteLine(reference);
                return 0;
            });
        });
        return command;
    }
}
