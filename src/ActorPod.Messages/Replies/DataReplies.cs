namespace ActorPod.Messages.Replies;

/// <summary>The container's root file system is mounted at <paramref name="Path"/>.</summary>
/// <param name="Live">True when the container runs (its own mount holds the tree; unmount would be refused).</param>
public sealed record ContainerMounted(string ContainerId, string Path, bool Live);

/// <summary>One journaled event of a container: its sequence number, manifest, time and a readable summary.</summary>
public sealed record HistoryEntry(long Sequence, string Event, DateTimeOffset At, string Details);

/// <summary>The answer to <see cref="Commands.GetContainerHistory"/>, oldest first.</summary>
public sealed record ContainerHistory(string ContainerId, IReadOnlyList<HistoryEntry> Entries);

/// <summary>An artifact was written.</summary>
public sealed record ArtifactStored(string ContainerId, string Name, long Size);

/// <summary>An artifact's bytes.</summary>
public sealed record ArtifactContent(string ContainerId, string Name, byte[] Data);

/// <summary>An artifact was deleted.</summary>
public sealed record ArtifactRemoved(string ContainerId, string Name);

/// <summary>A cluster member: its node name, address, roles, membership status and how many containers it has.
/// </summary>
public sealed record NodeInfo(string Name, string Address, IReadOnlyList<string> Roles, string Status, int Containers);

/// <summary>Reply to <see cref="Commands.ListNodes"/>.</summary>
public sealed record NodeList(IReadOnlyList<NodeInfo> Nodes);
