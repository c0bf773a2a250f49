using ActorPod.Messages.Events;
using ActorPod.Messages.Model;

namespace ActorPod.Core.State;

/// <summary>An event that cannot follow the container's state reached
/// <see cref="ContainerTransitions.Apply"/>.</summary>
public sealed class InvalidTransitionException(string containerId, ContainerStatus status, IContainerEvent evt)
    : InvalidOperationException(
        $"container {containerId}: event {evt.GetType().Name} cannot follow state {StatusNames.Podman(status)}");
