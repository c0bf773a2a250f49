using ActorPod.Actors.Containers;

namespace ActorPod.Actors.Tests;

public sealed class FreshContainerIdsTests
{
    [Fact]
    public void An_added_id_is_fresh_for_its_first_actor_only()
    {
        var fresh = new FreshContainerIds();
        fresh.Add("abc");

        Assert.True(fresh.TryTake("abc"));
        Assert.False(fresh.TryTake("abc"));
    }

    [Fact]
    public void An_id_never_added_is_not_fresh()
    {
        var fresh = new FreshContainerIds();
        fresh.Add("abc");

        Assert.False(fresh.TryTake("abd"));
    }
}
