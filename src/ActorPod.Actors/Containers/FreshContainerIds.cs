using System.Collections.Concurrent;

namespace ActorPod.Actors.Containers;

/// <summary>
/// Ids the registry has just made for new containers, kept until their actors start. Such an actor has no journal
/// and no snapshot, so it skips loading them: three queries less for every create. The set is node-local, like
/// the registry that fills it and the shard that starts the actors.
/// </summary>
public sealed class FreshContainerIds
{
    readonly ConcurrentDictionary<string, byte> _ids = new();

    /// <summary>Marks <paramref name="containerId"/> as never journaled.</summary>
    public void Add(string containerId) => _ids.TryAdd(containerId, 0);

    /// <summary>True once for an id that was added: the first actor for it starts from nothing.</summary>
    public bool TryTake(string containerId) => _ids.TryRemove(containerId, out _);
}
