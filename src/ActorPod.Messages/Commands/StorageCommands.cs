namespace ActorPod.Messages.Commands;

/// <summary>
/// Mount the container's root file system and answer <see cref="Replies.ContainerMounted"/> with the merged path.
/// Accepted when created, initialized, running, paused or exited; changes no state. Mounts are counted: each
/// needs an <see cref="UnmountContainer"/>.
/// </summary>
public sealed record MountContainer(string ContainerId) : IContainerCommand;

/// <summary>
/// Drop one mount of the root file system (unmounted when none is left). Refused while the container is running
/// or paused or has live exec sessions. Changes no state.
/// </summary>
public sealed record UnmountContainer(string ContainerId) : IContainerCommand;

/// <summary>
/// Release what an exited container still holds: <c>runc delete</c> and its storage mount. Accepted when created
/// or exited (stays so); refused while initialized, running, paused or with live exec sessions.
/// </summary>
public sealed record CleanupContainer(string ContainerId) : IContainerCommand;
