namespace ActorPod.Messages.Model;

/// <summary>A container as the supervisor knows it: the answer to inspect and one row of a listing.</summary>
public sealed record ContainerInfo
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ContainerStatus Status { get; init; }

    public required ContainerSpec Spec { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Host pid of the container's first process while it runs; 0 otherwise.</summary>
    public int Pid { get; init; }

    public int ExitCode { get; init; }

    /// <summary>Why the container stopped when it was not a plain exit (runtime failure, conmon vanished).</summary>
    public string? Error { get; init; }

    public int RestartCount { get; init; }

    /// <summary>A restart by the container's policy is pending (Docker's <c>State.Restarting</c>).</summary>
    public bool Restarting { get; init; }

    /// <summary>conmon's k8s-file log of the container's stdout and stderr.</summary>
    public string? LogPath { get; init; }

    /// <summary>The OCI bundle directory holding config.json.</summary>
    public string? BundlePath { get; init; }

    /// <summary>The merged root file system while it is mounted.</summary>
    public string? RootfsPath { get; init; }

    /// <summary>The cluster node that runs the container.</summary>
    public string Node { get; init; } = "";

    /// <summary>
    /// For a container of an unreachable node (<see cref="ContainerStatus.Unknown"/>): the state it last reported.
    /// </summary>
    public ContainerStatus? LastKnownStatus { get; init; }

    public IReadOnlyList<string> ExecIds { get; init; } = [];

    /// <summary>True while a stop, start or removal is in flight.</summary>
    public bool Busy { get; init; }
}
