using ActorPod.Actors.Containers;

namespace ActorPod.Actors.Tests;

public sealed class ContainerSnapshotIndexTests
{
    [Fact]
    public void Until_the_registry_recovered_every_container_may_have_a_snapshot()
    {
        var index = new ContainerSnapshotIndex();

        Assert.True(index.MayHaveSnapshot("abc"));
    }

    [Fact]
    public void Once_known_only_added_containers_have_one()
    {
        var index = new ContainerSnapshotIndex();
        index.Add("abc");
        index.MarkKnown();

        Assert.True(index.MayHaveSnapshot("abc"));
        Assert.False(index.MayHaveSnapshot("def"));
        index.Remove("abc");
        Assert.False(index.MayHaveSnapshot("abc"));
    }

    [Fact]
    public void A_reset_forgets_the_ids_and_that_they_were_known()
    {
        var index = new ContainerSnapshotIndex();
        index.Add("abc");
        index.MarkKnown();
        index.Reset();

        Assert.True(index.MayHaveSnapshot("def"));
        Assert.False(index.Contains("abc"));
    }
}
