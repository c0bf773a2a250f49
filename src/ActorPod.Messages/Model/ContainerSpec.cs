namespace ActorPod.Messages.Model;

/// <summary>
/// A container's configuration resolved against its image at creation: what the runtime will run. It is part of
/// the <c>ContainerCreated</c> event, so it is a durable format: add fields with defaults, never rename.
/// </summary>
public sealed record ContainerSpec
{
    public required string Image { get; init; }

    public required string ImageId { get; init; }

    /// <summary>Entrypoint followed by command: argv of the container's first process.</summary>
    public required IReadOnlyList<string> Args { get; init; }

    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    public string WorkingDir { get; init; } = "/";

    public string User { get; init; } = "0:0";

    public string Hostname { get; init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public bool Tty { get; init; }

    public bool OpenStdin { get; init; }

    public IReadOnlyList<BindMount> Binds { get; init; } = [];

    public string NetworkMode { get; init; } = "none";

    public string StopSignal { get; init; } = "SIGTERM";

    public int StopTimeout { get; init; } = 10;

    public bool AutoRemove { get; init; }

    /// <summary>What the supervisor does when the process exits without a user's stop.</summary>
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.No;

    /// <summary>Ids of the containers that must run before this one starts.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];
}
