namespace ActorPod.Messages.Commands;

/// <summary>
/// Ask for the container's journal as <see cref="Replies.ContainerHistory"/>: every journaled state change with
/// its time. Accepted in every state but removed; changes nothing.
/// </summary>
public sealed record GetContainerHistory(string ContainerId) : IContainerCommand;
