namespace ActorPod.Messages.Events;

/// <summary>An exec session's process runs in the container. The container's status does not change.</summary>
public sealed record ExecSessionStarted(string ContainerId, string ExecId, IReadOnlyList<string> Args, int Pid,
    DateTimeOffset At) : IContainerEvent;

/// <summary>
/// An exec session ended: its process exited, or it was closed because the container stopped or the supervisor
/// lost it. <paramref name="Reason"/> says why when it is not a plain exit.
/// </summary>
public sealed record ExecSessionEnded(string ContainerId, string ExecId, int ExitCode, DateTimeOffset At,
    string? Reason = null) : IContainerEvent;
