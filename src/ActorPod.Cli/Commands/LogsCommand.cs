using System.CommandLine;
using ActorPod.Cli.Client;
using ActorPod.Cli.Formatting;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>logs [-f] [--tail N] [-t] [--since T] [--until T] CTR</c>: stdout to stdout, stderr to stderr.</summary>
public static class LogsCommand
{
    public static Command Create()
    {
        var container = ContainerArgument.One();
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep streaming until the container stops" };
        var tail = new Option<string?>("--tail", "-n") { Description = "Only the last N lines" };
        var timestamps = new Option<bool>("--timestamps", "-t") { Description = "Prefix lines with their time" };
        var since = new Option<string?>("--since") { Description = "Only lines since this time" };
        var until = new Option<string?>("--until") { Description = "Only lines before this time" };
        var command = new Command("logs", "Show a container's output")
        {
            container, follow, tail, timestamps, since, until,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var query = $"?stdout=1&stderr=1&follow={Flag(parse.GetValue(follow))}" +
                $"&timestamps={Flag(parse.GetValue(timestamps))}" +
                Param("tail", parse.GetValue(tail)) + Param("since", parse.GetValue(since)) +
                Param("until", parse.GetValue(until));
            await StreamAsync(client, parse.GetValue(container)!, query, ct);
            return 0;
        });
        return command;
    }

    /// <summary>Copies the container's log to this process's stdout and stderr.</summary>
    public static async Task StreamAsync(DaemonClient client, string reference, string query, CancellationToken ct)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/containers/{Escape(reference)}/logs{query}",
            null, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var stdout = Console.OpenStandardOutput();
        await using var stderr = Console.OpenStandardError();

        if (response.Content.Headers.ContentType?.MediaType == "application/vnd.docker.raw-stream")
        {
            await body.CopyToAsync(stdout, ct);
            return;
        }

        await FrameDemultiplexer.CopyAsync(body, stdout, stderr, ct);
    }

    static string Flag(bool value) => value ? "1" : "0";

    static string Param(string name, string? value) =>
        string.IsNullOrEmpty(value) ? "" : $"&{name}={Uri.EscapeDataString(value)}";
}
