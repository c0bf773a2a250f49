using System.Collections.Immutable;
using ActorPod.Actors.Sharding;
using Akka.Actor;

namespace ActorPod.Actors.Tests.Sharding;

/// <summary>Shard "X" goes to the region on the member with role node:X, or nowhere; nothing is rebalanced.</summary>
public sealed class NodePinnedAllocationTests : ActorTestBase
{
    static readonly IImmutableList<string> None = ImmutableList<string>.Empty;

    [Fact]
    public async Task Shard_of_this_node_goes_to_the_region_on_this_member()
    {
        AwaitUp();
        var here = CreateTestProbe().Ref;
        var strategy = new NodePinnedAllocation(Sys);

        var region = await strategy.AllocateShard(here, "node-a", Regions(here));

        Assert.Equal(here, region);
    }

    [Fact]
    public async Task Shard_of_a_node_without_a_region_is_refused_so_the_coordinator_retries()
    {
        AwaitUp();
        var here = CreateTestProbe().Ref;
        var strategy = new NodePinnedAllocation(Sys);

        var allocation = strategy.AllocateShard(here, "node-b", Regions(here));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => allocation);
        Assert.True(allocation.IsFaulted);
        Assert.Contains("shard node-b can only live on node node-b", error.Message);
    }

    [Fact]
    public async Task Nothing_is_ever_rebalanced()
    {
        var a = CreateTestProbe().Ref;
        var b = CreateTestProbe().Ref;
        var crowded = ImmutableDictionary<IActorRef, IImmutableList<string>>.Empty
            .Add(a, ImmutableList.Create("node-a", "node-c", "node-d", "node-e"))
            .Add(b, None);

        var moved = await new NodePinnedAllocation(Sys).Rebalance(crowded, ImmutableHashSet<string>.Empty);

        Assert.Empty(moved);
    }

    static IImmutableDictionary<IActorRef, IImmutableList<string>> Regions(IActorRef region) =>
        ImmutableDictionary<IActorRef, IImmutableList<string>>.Empty.Add(region, None);

    void AwaitUp() => AwaitCondition(() => Akka.Cluster.Cluster.Get(Sys).SelfMember.Status ==
        Akka.Cluster.MemberStatus.Up, TimeSpan.FromSeconds(15));
}
