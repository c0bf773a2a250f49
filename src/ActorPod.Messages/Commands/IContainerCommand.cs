namespace ActorPod.Messages.Commands;

/// <summary>
/// A command addressed to one container. At the edge <see cref="ContainerId"/> may be a name or a unique id
/// prefix; the registry resolves it to the full id before the container actor sees the command.
/// </summary>
public interface IContainerCommand
{
    string ContainerId { get; }
}
