using System.Collections.Concurrent;

namespace ActorPod.Actors.Containers;

/// <summary>
/// Which of a node's containers have saved a snapshot, as its registry journaled them. A container without one
/// recovers by replaying its journal without first asking the snapshot store: after a crash that is one query less
/// for each of a thousand containers. Until the registry has recovered, every container may have one.
/// <para>
/// Only a hint: a container that snapshots while the registry cannot journal it still recovers right from its
/// events (containers never delete them); it only skips its snapshot.
/// </para>
/// </summary>
public sealed class ContainerSnapshotIndex
{
    readonly ConcurrentDictionary<string, byte> _ids = new();
    volatile bool _known;

    /// <summary>Forgets everything: the registry is recovering it.</summary>
    public void Reset()
    {
        _known = false;
        _ids.Clear();
    }

    /// <summary>The registry has recovered: containers not added have no snapshot.</summary>
    public void MarkKnown() => _known = true;

    public void Add(string containerId) => _ids.TryAdd(containerId, 0);

    public void Remove(string containerId) => _ids.TryRemove(containerId, out _);

    public bool Contains(string containerId) => _ids.ContainsKey(containerId);

    /// <summary>False only for a container known to have none.</summary>
    public bool MayHaveSnapshot(string containerId) => !_known || _ids.ContainsKey(containerId);

    /// <summary>The ids added, for the registry's clean-shutdown snapshot.</summary>
    public IReadOnlyList<string> Ids => _ids.Keys.ToList();
}
