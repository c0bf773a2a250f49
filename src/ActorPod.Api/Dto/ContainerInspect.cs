namespace ActorPod.Api.Dto;

/// <summary>Docker's <c>GET /containers/{id}/json</c> shape.</summary>
public sealed record ContainerInspect
{
    public required string Id { get; init; }
    public required string Created { get; init; }
    public required string Path { get; init; }
    public required IReadOnlyList<string> Args { get; init; }
    public required ContainerStateDto State { get; init; }
    public required string Image { get; init; }
    public required string Name { get; init; }
    public int RestartCount { get; init; }
    public string Driver { get; init; } = "overlay";
    public string Platform { get; init; } = "linux";
    public string LogPath { get; init; } = "";
    public string ResolvConfPath { get; init; } = "";
    public string HostnamePath { get; init; } = "";
    public string HostsPath { get; init; } = "";
    public required HostConfigDto HostConfig { get; init; }
    public required ConfigDto Config { get; init; }
    public required IReadOnlyList<MountDto> Mounts { get; init; }
    public required IReadOnlyList<string> ExecIDs { get; init; }
    public NetworkSettingsDto NetworkSettings { get; init; } = new();

    /// <summary>ActorPod's extension: ids of the containers this one requires.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>ActorPod's extension: the cluster node the container runs on.</summary>
    public string Node { get; init; } = "";
}

/// <summary>The State object of inspect.</summary>
public sealed record ContainerStateDto
{
    public required string Status { get; init; }
    public bool Running { get; init; }
    public bool Paused { get; init; }
    public bool Restarting { get; init; }
    public bool OOMKilled { get; init; }
    public bool Dead { get; init; }
    public int Pid { get; init; }
    public int ExitCode { get; init; }
    public string Error { get; init; } = "";
    public required string StartedAt { get; init; }
    public required string FinishedAt { get; init; }
}

/// <summary>The HostConfig object of inspect.</summary>
public sealed record HostConfigDto
{
    public required IReadOnlyList<string> Binds { get; init; }
    public required string NetworkMode { get; init; }
    public bool AutoRemove { get; init; }
    /// <summary>An object, as Docker has it: the docker CLI cannot read a string here.</summary>
    public LogConfigDto LogConfig { get; init; } = new("k8s-file", new Dictionary<string, string>());
    public RestartPolicyDto RestartPolicy { get; init; } = new();
    public bool Privileged { get; init; }
    public bool ReadonlyRootfs { get; init; }
}

/// <summary>Docker's restart policy.</summary>
public sealed record RestartPolicyDto(string Name = "no", int MaximumRetryCount = 0);

/// <summary>The Config object of inspect.</summary>
public sealed record ConfigDto
{
    public required string Hostname { get; init; }
    public required string User { get; init; }
    public required IReadOnlyList<string> Env { get; init; }
    public required IReadOnlyList<string> Cmd { get; init; }
    public required IReadOnlyList<string> Entrypoint { get; init; }
    public required string Image { get; init; }
    public required string WorkingDir { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public bool Tty { get; init; }
    public bool OpenStdin { get; init; }
    public bool AttachStdin { get; init; }
    public bool AttachStdout { get; init; }
    public bool AttachStderr { get; init; }
    public required string StopSignal { get; init; }
    public int StopTimeout { get; init; }
}

/// <summary>A mount as inspect and list show it.</summary>
public sealed record MountDto(string Type, string Source, string Destination, string Mode, bool RW,
    string Propagation = "rprivate");

/// <summary>Network settings; ActorPod has only <c>none</c> and <c>host</c>, so they are empty.</summary>
public sealed record NetworkSettingsDto
{
    public IReadOnlyDictionary<string, object> Ports { get; init; } = new Dictionary<string, object>();
    public IReadOnlyDictionary<string, object> Networks { get; init; } = new Dictionary<string, object>();
}

/// <summary>One row of <c>GET /containers/json</c>.</summary>
public sealed record ContainerSummary
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
    public required string Image { get; init; }
    public required string ImageID { get; init; }
    public required string Command { get; init; }
    public long Created { get; init; }
    public required string State { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public IReadOnlyList<object> Ports { get; init; } = [];
    public required IReadOnlyList<MountDto> Mounts { get; init; }
    public HostConfigSummary HostConfig { get; init; } = new("none");

    /// <summary>ActorPod's extension: the cluster node the container runs on.</summary>
    public string Node { get; init; } = "";
}

/// <summary>The HostConfig of a list row.</summary>
public sealed record HostConfigSummary(string NetworkMode);

/// <summary>Docker's <c>HostConfig.LogConfig</c>.</summary>
public sealed record LogConfigDto(string Type, IReadOnlyDictionary<string, string> Config);
