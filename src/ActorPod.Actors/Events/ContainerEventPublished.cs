using ActorPod.Messages.Events;

namespace ActorPod.Actors.Events;

/// <summary>
/// A container event as observers see it: journaled, with the container's name and image attached (events after
/// the first do not carry them). Container actors publish it on the actor system's event stream after each
/// persist; the event feed reads the same shape back from the journal.
/// </summary>
public sealed record ContainerEventPublished(IContainerEvent Event, string Name, string Image);
