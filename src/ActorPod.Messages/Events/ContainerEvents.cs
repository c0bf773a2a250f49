using ActorPod.Messages.Model;

namespace ActorPod.Messages.Events;

/// <summary>The container was configured: it has an id, a name and a resolved spec.</summary>
public sealed record ContainerCreated(string ContainerId, string Name, ContainerSpec Spec, DateTimeOffset At)
    : IContainerEvent;

/// <summary>conmon and <c>runc create</c> set the container up in the runtime; its process waits to start.</summary>
public sealed record ContainerInitialized(string ContainerId, int Pid, string BundlePath, string LogPath,
    DateTimeOffset At) : IContainerEvent;

/// <summary><c>runc start</c> released the container's process.</summary>
public sealed record ContainerStarted(string ContainerId, int Pid, DateTimeOffset At) : IContainerEvent;

/// <summary>A user asked the container to stop; a restart policy must not undo it.</summary>
public sealed record ContainerStopRequested(string ContainerId, string Signal, int TimeoutSeconds, DateTimeOffset At)
    : IContainerEvent;

/// <summary>A signal was delivered to the container's process.</summary>
public sealed record ContainerKilled(string ContainerId, int Signal, DateTimeOffset At) : IContainerEvent;

/// <summary>The container's process exited. <paramref name="Error"/> says why when the code is not a plain
/// exit.</summary>
public sealed record ContainerExited(string ContainerId, int ExitCode, DateTimeOffset At, string? Error = null)
    : IContainerEvent;

/// <summary>The container was frozen.</summary>
public sealed record ContainerPaused(string ContainerId, DateTimeOffset At) : IContainerEvent;

/// <summary>The container was thawed.</summary>
public sealed record ContainerUnpaused(string ContainerId, DateTimeOffset At) : IContainerEvent;

/// <summary>Removal began; after a crash the supervisor finishes it.</summary>
public sealed record ContainerRemoving(string ContainerId, DateTimeOffset At) : IContainerEvent;

/// <summary>The container and its runtime state and storage are gone.</summary>
public sealed record ContainerRemoved(string ContainerId, DateTimeOffset At) : IContainerEvent;
