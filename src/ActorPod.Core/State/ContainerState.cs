using ActorPod.Messages.Model;

namespace ActorPod.Core.State;

/// <summary>
/// The journaled state of one container: what <see cref="ContainerTransitions.Apply"/> rebuilds from its events.
/// Immutable, so the actor can hand it to piped tasks and replies without copying.
/// </summary>
public sealed record ContainerState
{
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>Null until the container is created; a state without a spec is an empty journal.</summary>
    public ContainerSpec? Spec { get; init; }

    public ContainerStatus Status { get; init; } = ContainerStatus.Configured;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the current run's runtime container began to be created: an exit recorded before it belongs
    /// to an earlier run (conmon of a killed run can write its exit file late).</summary>
    public DateTimeOffset? RunSince { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int Pid { get; init; }

    public int ExitCode { get; init; }

    public string? Error { get; init; }

    public int RestartCount { get; init; }

    /// <summary>A policy restart is scheduled and has not happened yet.</summary>
    public bool Restarting { get; init; }

    /// <summary>The delay of the last scheduled policy restart; the next one doubles it (see
    /// RestartPolicies).</summary>
    public int RestartDelayMs { get; init; }

    public string? BundlePath { get; init; }

    public string? LogPath { get; init; }

    /// <summary>A user asked for a stop since the last start; restart policies leave such a container alone.</summary>
    public bool StopRequested { get; init; }

    /// <summary>Exec sessions whose start is journaled and whose end is not: they are open.</summary>
    public IReadOnlyList<string> ExecIds { get; init; } = [];

    /// <summary>True once a <c>ContainerCreated</c> event has been applied.</summary>
    public bool Exists => Spec is not null && Status != ContainerStatus.Removed;

    public static ContainerState Empty(string id) => new() { Id = id };
}
