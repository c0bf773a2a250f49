using System.CommandLine;
using System.Text.Json;
using ActorPod.Cli.Client;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary>
/// <c>start [-a [-i]] [--no-deps] CTR...</c>: like podman, the containers a container requires are started first
/// (depth first, each once) unless <c>--no-deps</c>; with <c>-a</c> it attaches first (so the first output is
/// caught), streams until the container exits and returns its code.
/// </summary>
public static class StartCommand
{
    public static Command Create()
    {
        var containers = ContainerArgument.Many();
        var attach = new Option<bool>("--attach", "-a") { Description = "Attach to the container's output" };
        var interactive = new Option<bool>("--interactive", "-i") { Description = "Attach stdin too" };
        var noDeps = new Option<bool>("--no-deps") { Description = "Do not start required containers first" };
        var command = new Command("start", "Start containers") { containers, attach, interactive, noDeps };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var references = parse.GetValue(containers)!;
            var started = new HashSet<string>();
            if (parse.GetValue(attach) && references.Length == 1)
            {
                if (!parse.GetValue(noDeps))
                {
                    await StartRequiredAsync(client, references[0], started, 0, ct);
                }

                return await StartAttachedAsync(client, parse, references[0], parse.GetValue(interactive), ct);
            }

            return await LifecycleCommands.ForEachAsync(references, async reference =>
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

    static async Task<int> StartAttachedAsync(DaemonClient client, ParseResult parse, string reference,
        bool interactive, CancellationToken ct)
    {
        var info = await client.GetJsonAsync($"/containers/{Escape(reference)}/json", ct);
        var id = info.GetProperty("Id").GetString()!;
        var config = info.GetProperty("Config");
        var stdin = interactive && config.GetProperty("OpenStdin").GetBoolean();
        return await AttachCommand.AttachAsync(client, DaemonAddress.Resolve(parse.GetValue(Host)), id, stdin,
            config.GetProperty("Tty").GetBoolean(), null,
            () => StartAsync(client, id, ct), ct);
    }

    static async Task StartAsync(DaemonClient client, string id, CancellationToken ct)
    {
        try
        {
            await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{id}/start", ct);
        }
        catch (CliException e)
        {
            throw new CliException(e.Message, ExitCodes.ForStartFailure(e.Message));
        }
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
