using System.CommandLine;
using ActorPod.Cli.Client;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary>
/// <c>run [--rm] [-d] [OPTIONS] IMAGE [COMMAND...]</c>: create, register the wait, start, follow the output until
/// the container exits, and exit with its code. Detached, print the id instead.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var options = new CreateOptions();
        var detach = new Option<bool>("--detach", "-d") { Description = "Run in the background and print the id" };
        var remove = new Option<bool>("--rm") { Description = "Remove the container when it exits" };
        var command = new Command("run", "Create and start a container") { detach, remove };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var rm = parse.GetValue(remove);
            if (parse.GetValue(detach))
            {
                // Nobody stays to remove it: the daemon does, through AutoRemove.
                var id = await options.CreateAsync(client, parse, autoRemove: rm, ct);
                await StartAsync(client, id, rm, ct);
                Console.WriteLine(id);
                return 0;
            }

            var created = await options.CreateAsync(client, parse, false, ct);
            if (parse.GetValue(options.Interactive) || parse.GetValue(options.Tty))
            {
                return await RunInteractiveAsync(client, parse, options, created, rm, ct);
            }

            return await RunAttachedAsync(client, created, rm, ct);
        });
        return command;
    }

    static async Task<int> RunAttachedAsync(DaemonClient client, string id, bool rm, CancellationToken ct)
    {
        // The wait is in the daemon before start is sent: its 200 headers arrive only once it is registered, so
        // even an instant exit is seen.
        using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var wait = await client.SendAsync(HttpMethod.Post, $"/containers/{id}/wait?condition=next-exit", null,
            waitCancel.Token);
        var exitCode = ReadExitCodeAsync(wait, waitCancel.Token);

        try
        {
            await StartAsync(client, id, rm, ct);
        }
        catch
        {
            await waitCancel.CancelAsync();
            throw;
        }

        await LogsCommand.StreamAsync(client, id, "?stdout=1&stderr=1&follow=1", ct);
        var code = await exitCode;

        if (rm)
        {
            await client.SendEmptyAsync(HttpMethod.Delete, $"/containers/{id}?force=1", ct);
        }

        return code;
    }

    /// <summary>
    /// <c>run -i</c> and <c>run -t</c>: attach with stdin before the start, so input and the first output meet the
    /// process; a detach leaves it running (and not removed).
    /// </summary>
    static async Task<int> RunInteractiveAsync(DaemonClient client, ParseResult parse, CreateOptions options,
        string id, bool rm, CancellationToken ct)
    {
        var host = Client.DaemonAddress.Resolve(parse.GetValue(Host));
        var stdin = parse.GetValue(options.Interactive);
        var code = await AttachCommand.AttachAsync(client, host, id, stdin, parse.GetValue(options.Tty), null,
            () => StartAsync(client, id, rm, ct), ct);
        if (rm && (await client.GetJsonAsync($"/containers/{id}/json", ct)).GetProperty("State")
                .GetProperty("Running").GetBoolean() is false)
        {
            await RemoveQuietlyAsync(client, id);
        }

        return code;
    }

    /// <summary>Starts the container; a start the runtime refuses becomes podman's 126 or 127.</summary>
    static async Task StartAsync(DaemonClient client, string id, bool rm, CancellationToken ct)
    {
        try
        {
            await client.SendEmptyAsync(HttpMethod.Post, $"/containers/{id}/start", ct);
        }
        catch (CliException e)
        {
            if (rm)
            {
                await RemoveQuietlyAsync(client, id);
            }

            throw new CliException(e.Message, ExitCodes.ForStartFailure(e.Message));
        }
    }

    static async Task<int> ReadExitCodeAsync(HttpResponseMessage wait, CancellationToken ct)
    {
        var reply = await DaemonClient.ReadJsonAsync(wait, ct);
        if (reply.TryGetProperty("Error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            throw new CliException(error.GetProperty("Message").GetString() ?? "waiting for the container failed");
        }

        return reply.GetProperty("StatusCode").GetInt32();
    }

    static async Task RemoveQuietlyAsync(DaemonClient client, string id)
    {
        try
        {
            await client.SendEmptyAsync(HttpMethod.Delete, $"/containers/{id}?force=1", CancellationToken.None);
        }
        catch (CliException)
        {
            // The start error is the one worth reporting.
        }
    }
}
