namespace ActorPod.Messages.Commands;

/// <summary>
/// Store <paramref name="Data"/> as the container's artifact <paramref name="Name"/> (replacing one of that name).
/// Accepted in every state but removing; the name must not hold '/', NUL or be '.', '..', and is at most 255
/// bytes. Replies <see cref="Replies.ArtifactStored"/>.
/// </summary>
public sealed record AddArtifact(string ContainerId, string Name, byte[] Data) : IContainerCommand;

/// <summary>Read an artifact; replies <see cref="Replies.ArtifactContent"/> or NotFound.</summary>
public sealed record GetArtifact(string ContainerId, string Name) : IContainerCommand;

/// <summary>Delete an artifact; replies <see cref="Replies.ArtifactRemoved"/> or NotFound.</summary>
public sealed record RemoveArtifact(string ContainerId, string Name) : IContainerCommand;
