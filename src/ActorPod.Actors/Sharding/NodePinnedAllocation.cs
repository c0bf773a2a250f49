using System.Collections.Immutable;
using ActorPod.Actors.Persistence;
using Akka.Cluster.Sharding;

namespace ActorPod.Actors.Sharding;

/// <summary>
/// Shard "X" holds the containers of node X, whose processes run under that node's conmon and cannot move: it is
/// allocated to the region on the member with role <c>node:X</c>, and to nothing else. While that member has no
/// region (it is down, or has not registered yet) the allocation fails, which the coordinator retries, so the
/// shard's messages wait in the sender's region instead of waking the containers on a stranger.
/// Rebalancing never moves a shard.
/// </summary>
public sealed class NodePinnedAllocation(ActorSystem system) : IShardAllocationStrategy
{
    readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(system);

    /// <inheritdoc />
    public Task<IActorRef> AllocateShard(IActorRef requester, string shardId,
        IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations)
    {
        var role = ActorPodConfig.NodeRolePrefix + shardId;
        var members = _cluster.State.Members.Where(m => m.HasRole(role)).Select(m => m.Address).ToHashSet();
        var region = currentShardAllocations.Keys.FirstOrDefault(r => members.Contains(AddressOf(r)));
        if (region is not null)
        {
            return Task.FromResult(region);
        }

        // A failed task is the coordinator's "allocation failed, retried later" (the requesting region asks again
        // every retry-interval). A completed task with a null region is not: the coordinator would fail on it.
        system.Log.Debug("Shard {0} waits: no region on a member with role {1}", shardId, role);
        return Task.FromException<IActorRef>(new InvalidOperationException(
            $"shard {shardId} can only live on node {shardId}, which has no shard region in the cluster now"));
    }

    /// <inheritdoc />
    public Task<IImmutableSet<string>> Rebalance(
        IImmutableDictionary<IActorRef, IImmutableList<string>> currentShardAllocations,
        IImmutableSet<string> rebalanceInProgress) =>
        Task.FromResult<IImmutableSet<string>>(ImmutableHashSet<string>.Empty);

    /// <summary>A region on the coordinator's own member has a local path: its address is the member's.</summary>
    Akka.Actor.Address AddressOf(IActorRef region) =>
        region.Path.Address.HasLocalScope ? _cluster.SelfAddress : region.Path.Address;
}
