using System.CommandLine;
using System.Text.Json;
using ActorPod.Cli.Client;

namespace ActorPod.Cli.Commands;

/// <summary>The options <c>create</c> and <c>run</c> share, and the create request they make.</summary>
public sealed class CreateOptions
{
    public Option<string?> Name { get; } = new("--name") { Description = "Container name" };
    public Option<string[]> Env { get; } = new("--env", "-e") { Description = "KEY=VALUE environment variable" };
    public Option<string?> Workdir { get; } = new("--workdir", "-w") { Description = "Working directory" };
    public Option<string?> User { get; } = new("--user", "-u") { Description = "uid[:gid] or user name" };
    public Option<string?> Hostname { get; } = new("--hostname") { Description = "Container host name" };
    public Option<string[]> Volume { get; } = new("--volume", "-v") { Description = "HOST:CTR[:ro] bind mount" };
    public Option<string?> Entrypoint { get; } = new("--entrypoint") { Description = "Override the entrypoint" };
    public Option<string> Network { get; } = new("--network")
    {
        Description = "none or host",
        DefaultValueFactory = _ => "none",
    };
    public Option<string?> Node { get; } = new("--node")
    {
        Description = "Cluster node to run on: a node's name, or any (the least loaded)",
    };
    public Option<string[]> Label { get; } = new("--label", "-l") { Description = "k=v label" };
    public Option<bool> Tty { get; } = new("--tty", "-t") { Description = "Allocate a pseudo-TTY" };
    public Option<bool> Interactive { get; } = new("--interactive", "-i") { Description = "Keep stdin open" };
    public Option<string?> Restart { get; } = new("--restart")
    {
        Description = "Restart policy: no, on-failure[:N], always or unless-stopped",
    };
    public Option<string[]> Requires { get; } = new("--requires")
    {
        Description = "Containers (comma-separated) that must run before this one",
    };
    public Argument<string> Image { get; } = new("IMAGE");
    public Argument<string[]> Command { get; } = new("COMMAND") { Arity = ArgumentArity.ZeroOrMore };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Name, Env, Workdir, User, Hostname, Volume, Entrypoint, Network, Label,
                     Tty, Interactive, Restart, Requires, Node })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(Image);
        command.Arguments.Add(Command);
    }

    public CreateBody Body(ParseResult parse, bool autoRemove)
    {
        var cmd = parse.GetValue(Command) ?? [];
        var entrypoint = parse.GetValue(Entrypoint);
        return new CreateBody
        {
            Image = parse.GetValue(Image)!,
            Cmd = cmd.Length > 0 ? [.. cmd] : null,
            Entrypoint = entrypoint is null ? null : [entrypoint],
            Env = [.. parse.GetValue(Env) ?? []],
            WorkingDir = parse.GetValue(Workdir),
            User = parse.GetValue(User),
            Hostname = parse.GetValue(Hostname),
            Labels = Labels(parse.GetValue(Label) ?? []),
            Tty = parse.GetValue(Tty),
            OpenStdin = parse.GetValue(Interactive),
            HostConfig = new CreateHostConfigBody([.. parse.GetValue(Volume) ?? []], parse.GetValue(Network)!,
                autoRemove, RestartPolicy(parse.GetValue(Restart))),
            Requires = (parse.GetValue(Requires) ?? [])
                .SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList(),
        };
    }

    /// <summary><c>NAME[:N]</c> into Docker's RestartPolicy; the daemon validates the name.</summary>
    static RestartPolicyBody? RestartPolicy(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var parts = text.Split(':', 2);
        if (parts.Length == 2 && !int.TryParse(parts[1], out _))
        {
            throw new CliException($"invalid restart policy {text}: the retry count must be a number");
        }

        return new RestartPolicyBody(parts[0], parts.Length == 2 ? int.Parse(parts[1]) : 0);
    }

    /// <summary>POSTs the create; returns the new container's id.</summary>
    public async Task<string> CreateAsync(DaemonClient client, ParseResult parse, bool autoRemove, CancellationToken ct)
    {
        var name = parse.GetValue(Name);
        var node = parse.GetValue(Node);
        var parameters = new[] { ("name", name), ("node", node) }.Where(p => !string.IsNullOrEmpty(p.Item2))
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)).ToList();
        var query = parameters.Count == 0 ? "" : "?" + string.Join('&', parameters);
        var content = DaemonClient.Json(JsonSerializer.SerializeToUtf8Bytes(Body(parse, autoRemove),
            CliJsonContext.Default.CreateBody));
        var reply = await client.PostJsonAsync("/containers/create" + query, content, ct);
        return reply.GetProperty("Id").GetString()!;
    }

    static Dictionary<string, string> Labels(string[] labels) => labels.ToDictionary(
        l => l.Split('=', 2)[0],
        l => l.Contains('=') ? l.Split('=', 2)[1] : "");
}
