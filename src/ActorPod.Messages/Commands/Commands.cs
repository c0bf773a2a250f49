using ActorPod.Messages.Model;

namespace ActorPod.Messages.Commands;

/// <summary>
/// Create a container from an image. Accepted by the registry in any state of the host; leads to Configured.
/// Replies <see cref="Replies.CreateSucceeded"/> or <see cref="Replies.CommandFailed"/> (NotFound for the image,
/// NameInUse, InvalidArgument). <c>Node</c> places it on a cluster member by node name, or "any" for the least
/// loaded member; null means this node.
/// </summary>
public sealed record CreateContainer(ContainerConfig Config, string? Node = null);

/// <summary>List containers; only running and paused ones unless <paramref name="All"/>.</summary>
public sealed record ListContainers(bool All = false);

/// <summary>Create the container in the runtime (conmon + runc create). Configured or Stopped to Created.</summary>
public sealed record InitContainer(string ContainerId) : IContainerCommand;

/// <summary>
/// Start the container's process. Configured, Created or Stopped to Running (initialising first when needed);
/// a running container is left alone (<c>Changed = false</c>). Refused when paused or removing.
/// </summary>
public sealed record StartContainer(string ContainerId) : IContainerCommand;

/// <summary>
/// Stop: the stop signal, then SIGKILL after <paramref name="TimeoutSeconds"/> (the container's own timeout when
/// null). Running or Paused to Stopped; replies once the exit is journaled. Already stopped: no change.
/// </summary>
public sealed record StopContainer(string ContainerId, int? TimeoutSeconds = null, string? Signal = null)
    : IContainerCommand;

/// <summary>Send a signal (name or number, SIGKILL by default) to a running or paused container.</summary>
public sealed record KillContainer(string ContainerId, string Signal = "SIGKILL") : IContainerCommand;

/// <summary>Pause a running container through the cgroup freezer. Running to Paused.</summary>
public sealed record PauseContainer(string ContainerId) : IContainerCommand;

/// <summary>Thaw a paused container. Paused to Running.</summary>
public sealed record UnpauseContainer(string ContainerId) : IContainerCommand;

/// <summary>
/// Subscribe until the condition holds; answered with <see cref="Replies.WaitSucceeded"/> once the event that meets
/// it is journaled. Accepted in every state.
/// </summary>
public sealed record WaitContainer(string ContainerId, WaitCondition Condition = WaitCondition.Stopped)
    : IContainerCommand;

/// <summary>Ask for <see cref="Replies.ContainerDetails"/>. Answered from memory, even while busy.</summary>
public sealed record InspectContainer(string ContainerId) : IContainerCommand;

/// <summary>
/// Remove the container. Configured, Created or Stopped to Removed; Running or Paused only with
/// <paramref name="Force"/>, which kills it first.
/// </summary>
public sealed record RemoveContainer(string ContainerId, bool Force = false, bool RemoveVolumes = false)
    : IContainerCommand;
