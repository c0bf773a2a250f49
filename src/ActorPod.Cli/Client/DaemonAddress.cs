namespace ActorPod.Cli.Client;

/// <summary>Where the daemon listens: <c>--host unix:///PATH</c>, else <c>ACTORPOD_HOST</c>, else a default.</summary>
public static class DaemonAddress
{
    public const string Default = "unix:///run/actorpod/actorpod.sock";

    public static string Resolve(string? option) =>
        !string.IsNullOrEmpty(option) ? option
        : Environment.GetEnvironmentVariable("ACTORPOD_HOST") is { Length: > 0 } env ? env
        : Default;

    /// <summary>The socket path of a <c>unix://</c> address.</summary>
    public static string SocketPath(string host)
    {
        const string scheme = "unix://";
        if (!host.StartsWith(scheme, StringComparison.Ordinal) || host.Length == scheme.Length)
        {
            throw new CliException($"invalid host {host}: only unix:///path/to/socket is supported");
        }

        return host[scheme.Length..];
    }
}
