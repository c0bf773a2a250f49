using System.CommandLine;
using ActorPod.Cli.Client;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary>
/// <c>attach [--detach-keys K] [--no-stdin] CTR</c>: the container's output here, this terminal's input there,
/// until it exits (its exit code) or the detach keys are typed (0, the container keeps running).
/// </summary>
public static class AttachCommand
{
    public static Command Create()
    {
        var container = ContainerArgument.One();
        var keys = new Option<string?>("--detach-keys") { Description = "Keys that detach (default ctrl-p,ctrl-q)" };
        var noStdin = new Option<bool>("--no-stdin") { Description = "Do not attach stdin" };
        var command = new Command("attach", "Attach to a running container") { container, keys, noStdin };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var host = DaemonAddress.Resolve(parse.GetValue(Host));
            var info = await client.GetJsonAsync($"/containers/{Escape(parse.GetValue(container)!)}/json", ct);
            var id = info.GetProperty("Id").GetString()!;
            var config = info.GetProperty("Config");
            var stdin = !parse.GetValue(noStdin) && config.GetProperty("OpenStdin").GetBoolean();
            return await AttachAsync(client, host, id, stdin, config.GetProperty("Tty").GetBoolean(),
                parse.GetValue(keys), null, ct);
        });
        return command;
    }

    /// <summary>
    /// Registers the wait, attaches, runs <paramref name="start"/> (if any) and streams; returns the exit code, or
    /// 0 after a detach.
    /// </summary>
    public static async Task<int> AttachAsync(DaemonClient client, string host, string id, bool stdin, bool tty,
        string? keys, Func<Task>? start, CancellationToken ct)
    {
        using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var wait = await client.SendAsync(HttpMethod.Post, $"/containers/{id}/wait?condition=next-exit", null,
            waitCancel.Token);
        var detached = await AttachedStreams.RunAsync(client, host, $"/containers/{id}/attach"
            + AttachedStreams.Query(stdin, keys), null, stdin, tty, keys, start,
            (h, w) => client.SendEmptyAsync(HttpMethod.Post, $"/containers/{id}/resize?h={h}&w={w}", ct), ct);
        if (detached)
        {
            await waitCancel.CancelAsync();
            return 0;
        }

        var reply = await DaemonClient.ReadJsonAsync(wait, waitCancel.Token);
        return reply.GetProperty("StatusCode").GetInt32();
    }
}
