namespace ActorPod.Messages.Events;

/// <summary>
/// The container exited and its restart policy asked for a restart after <paramref name="DelayMs"/>;
/// <paramref name="RestartCount"/> counts policy restarts only (as Docker does), this one included.
/// </summary>
public sealed record ContainerRestartScheduled(string ContainerId, int RestartCount, int DelayMs, DateTimeOffset At)
    : IContainerEvent;

/// <summary>
/// A pending policy restart was dropped: a user stopped the container (<paramref name="ByUser"/>, which counts as
/// a user's stop for <c>unless-stopped</c>), or the start failed.
/// </summary>
public sealed record ContainerRestartCancelled(string ContainerId, string Reason, DateTimeOffset At,
    bool ByUser = false) : IContainerEvent;
