using System.CommandLine;
using System.Text.Json;
using ActorPod.Cli.Client;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary>
/// <c>start</c>: like podman, the containers a container requires are started first (depth first, each once);
/// <c>--no-deps</c> starts only the named ones, which the daemon refuses when a dependency is not running.
/// </summary>
public static class StartCommand
{
    public static Command Create()
    {
        var containers = new Argument<string[]>("CONTAINER") { Arity = ArgumentArity.OneOrMore };
        var noDeps = new Option<bool>("--no-deps") { Description = "Do not start required containers first" };
        var command = new Command("start", "Start containers") { containers, noDeps };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var started = new HashSet<string>();
            return await LifecycleCommands.ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                if (!parse.GetValue(noDeps))
                {
                    await StartRequiredAsync(client, reference, started, 0, ct);
                }

                await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Escape(reference)}/start", ct);
                Console.WriteLine(reference);
                return 0;
            });
        });
        return command;
    }

    static async Task StartRequiredAsync(DaemonClient client, string reference, HashSet<string> started, int depth,
        CancellationToken ct)
    {
        if (depth > 64)
        {
            throw new CliException($"container {reference}: dependencies nest deeper than 64 levels");
        }

        var inspect = await client.GetJsonAsync($"/containers/{Escape(reference)}/json", ct);
        if (!inspect.TryGetProperty("Requires", out var requires) || requires.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var dependency in requires.EnumerateArray().Select(r => r.GetString()!))
        {
            if (!started.Add(dependency))
            {
                continue;
            }

            await StartRequiredAsync(client, dependency, started, depth + 1, ct);
            await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Escape(dependency)}/start", ct);
        }
    }
}
