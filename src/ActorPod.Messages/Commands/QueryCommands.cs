namespace ActorPod.Messages.Commands;

/// <summary>
/// Ask for the container's journal as <see cref="Replies.ContainerHistory"/>: every journaled state change with
/// its time. Accepted in every state but removed; changes nothing.
/// </summary>
public sealed record GetContainerHistory(string ContainerId) : IContainerCommand;

/// <summary>
/// The cluster's members as the registry that receives it sees them (a lone daemon: itself alone). Accepted in any
/// state; replies <see cref="Replies.NodeList"/>.
/// </summary>
public sealed record ListNodes;
