namespace ActorPod.Messages.Events;

/// <summary>
/// A state change of one container, as written to its journal. Events are the durable format: their names are
/// stable manifests, fields are only ever added (with defaults), never renamed or removed.
/// </summary>
public interface IContainerEvent
{
    string ContainerId { get; }

    DateTimeOffset At { get; }
}
