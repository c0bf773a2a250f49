using System.CommandLine;
using ActorPod.Cli.Client;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>init</c>, <c>stop</c>, <c>kill</c>, <c>rm</c> and <c>wait</c>.</summary>
public static class LifecycleCommands
{
    public static IEnumerable<Command> All()
    {
        yield return PerContainer("init", "Create containers in the runtime without starting them", _ => "",
            id => $"/actorpod/containers/{id}/init");

        var time = new Option<int?>("--time", "-t") { Description = "Seconds to wait before killing" };
        yield return PerContainer("stop", "Stop containers", p => p.GetValue(time) is { } t ? $"?t={t}" : "",
            id => $"/containers/{id}/stop", time);

        var signal = new Option<string>("--signal", "-s")
        {
            Description = "Signal to send",
            DefaultValueFactory = _ => "SIGKILL",
        };
        yield return PerContainer("kill", "Send a signal to containers", p => $"?signal={Escape(p.GetValue(signal)!)}",
            id => $"/containers/{id}/kill", signal);

        yield return Remove();

        yield return Wait();
    }

    static Command PerContainer(string name, string description, Func<ParseResult, string> query,
        Func<string, string> path, Option? option = null)
    {
        var containers = ContainerArgument.Many();
        var command = new Command(name, description) { containers };
        if (option is not null)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            return await ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                await client.SendEmptyAsync(HttpMethod.Post, path(Escape(reference)) + query(parse), ct);
                Console.WriteLine(reference);
                return 0;
            });
        });
        return command;
    }

    /// <summary>
    /// <c>rm [-f [-t SECONDS]] [-v]</c>. Forced, a running container is killed at once (docker's way); with
    /// <c>--time</c> it is first stopped with that grace period (podman's way), then removed.
    /// </summary>
    static Command Remove()
    {
        var containers = ContainerArgument.Many();
        var force = new Option<bool>("--force", "-f") { Description = "Remove running containers too" };
        var time = new Option<int?>("--time", "-t") { Description = "With --force: seconds to wait for a stop" };
        var volumes = new Option<bool>("--volumes", "-v") { Description = "Remove anonymous volumes too" };
        var command = new Command("rm", "Remove containers") { containers, force, time, volumes };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var query = (parse.GetValue(force) ? "?force=1" : "?force=0") + (parse.GetValue(volumes) ? "&v=1" : "");
            var grace = parse.GetValue(force) ? parse.GetValue(time) : null;
            return await ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                if (grace is { } t)
                {
                    await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{Escape(reference)}/stop?t={t}", ct);
                }

                await client.SendEmptyAsync(HttpMethod.Delete, $"/containers/{Escape(reference)}{query}", ct);
                Console.WriteLine(reference);
                return 0;
            });
        });
        return command;
    }

    static Command Wait()
    {
        var containers = ContainerArgument.Many();
        var condition = new Option<string?>("--condition")
        {
            Description = "created, initialized, running, paused, stopped, exited or removed",
        };
        condition.AcceptOnlyFromAmong("created", "initialized", "running", "paused", "stopped", "exited", "removed");
        var command = new Command("wait", "Wait for containers to stop and print their exit codes")
        {
            containers, condition,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var last = 0;
            var query = parse.GetValue(condition) is { } c ? "?condition=" + c : "";
            var failed = await ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                // The reply comes when the container exits: read asynchronously, so that Ctrl-C ends the wait.
                var path = $"/containers/{Escape(reference)}/wait{query}";
                using var response = await client.SendAsync(HttpMethod.Post, path, null, ct);
                var reply = await DaemonClient.ReadJsonAsync(response, ct);
                last = reply.GetProperty("StatusCode").GetInt32();
                Console.WriteLine(last);
                return 0;
            });
            return failed != 0 ? failed : last;
        });
        return command;
    }

    /// <summary>Runs the action for every reference; an error is reported and the rest still run (as podman).</summary>
    public static async Task<int> ForEachAsync(IEnumerable<string> references, Func<string, Task<int>> action)
    {
        var code = 0;
        foreach (var reference in references)
        {
            try
            {
                await action(reference);
            }
            catch (CliException e)
            {
                await Console.Error.WriteLineAsync($"Error: {e.Message}");
                code = e.ExitCode;
            }
        }

        return code;
    }
}
