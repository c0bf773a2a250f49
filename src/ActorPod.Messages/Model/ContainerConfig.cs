namespace ActorPod.Messages.Model;

/// <summary>
/// What a user asks for when creating a container. Empty fields fall back to the image's own configuration
/// (entrypoint, command, environment, working directory, user) when the container is created.
/// </summary>
public sealed record ContainerConfig
{
    /// <summary>Image reference: name[:tag], full id or unique id prefix.</summary>
    public required string Image { get; init; }

    /// <summary>Unique container name; generated when absent.</summary>
    public string? Name { get; init; }

    /// <summary>Replaces the image's entrypoint when not null (an empty list clears it).</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    /// <summary>Replaces the image's command when not empty.</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary><c>KEY=VALUE</c> pairs added to (and overriding) the image's environment.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    public string? WorkingDir { get; init; }

    /// <summary><c>uid[:gid]</c>, or a name resolved in the container's /etc/passwd.</summary>
    public string? User { get; init; }

    public string? Hostname { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public bool Tty { get; init; }

    public bool OpenStdin { get; init; }

    public IReadOnlyList<BindMount> Binds { get; init; } = [];

    /// <summary><c>none</c> or <c>host</c>.</summary>
    public string NetworkMode { get; init; } = "none";

    /// <summary>Signal sent by stop before the timeout; SIGTERM when absent.</summary>
    public string? StopSignal { get; init; }

    /// <summary>Seconds stop waits before SIGKILL; 10 when absent.</summary>
    public int? StopTimeout { get; init; }

    /// <summary>Remove the container once it exits (<c>run --rm</c>).</summary>
    public bool AutoRemove { get; init; }

    /// <summary>Restart policy; <c>no</c> when absent.</summary>
    public RestartPolicy? RestartPolicy { get; init; }

    /// <summary>Names or ids of containers this one depends on (<c>--requires</c>); resolved to ids at
    /// creation.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
}
