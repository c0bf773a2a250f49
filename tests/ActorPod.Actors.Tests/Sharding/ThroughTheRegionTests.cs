using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Messages.Sharding;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorPod.Actors.Tests.Sharding;

/// <summary>
/// Commands that reach a container through the shard region, as from another node or a region proxy, get the same
/// checks as those that come through the registry, and the same typed replies.
/// </summary>
public sealed class ThroughTheRegionTests : ActorTestBase
{
    [Fact]
    public void Start_through_the_region_is_refused_while_a_required_container_is_not_running()
    {
        var db = Create("db");
        var app = CreateRequiring("app", "db");

        Region.Tell(new ContainerEnvelope("node-a", app, new StartContainer(app)), TestActor);

        var refused = ExpectMsg<CommandFailed>(TimeSpan.FromSeconds(10)).Error;
        Assert.Equal(ErrorKind.InvalidState, refused.Kind);
        Assert.Contains($"cannot start container {app}: it requires containers that are not running: db",
            refused.Message);
        Assert.Equal(ContainerStatus.Configured, Inspect(app).Status);

        Region.Tell(new ContainerEnvelope("node-a", db, new StartContainer(db)), TestActor);
        ExpectMsg<CommandSucceeded>(TimeSpan.FromSeconds(10));
        Region.Tell(new ContainerEnvelope("node-a", app, new StartContainer(app)), TestActor);
        Assert.Equal(app, ExpectMsg<CommandSucceeded>(TimeSpan.FromSeconds(10)).ContainerId);
    }

    [Fact]
    public void Removed_container_answers_not_found_through_the_region()
    {
        var id = Create("brief");
        Region.Tell(new ContainerEnvelope("node-a", id, new RemoveContainer(id)), TestActor);
        ExpectMsg<CommandSucceeded>(TimeSpan.FromSeconds(10));

        Region.Tell(new ContainerEnvelope("node-a", id, new InspectContainer(id)), TestActor);

        Assert.Equal(ErrorKind.NotFound, ExpectMsg<CommandFailed>(TimeSpan.FromSeconds(10)).Error.Kind);
        Assert.Equal(ErrorKind.NotFound, Refused(new InspectContainer("brief")).Kind);
    }

    IActorRef Region
    {
        get
        {
            _ = Registry;
            return ClusterSharding.Get(Sys).ShardRegion(ContainerSharding.TypeName);
        }
    }

    string CreateRequiring(string name, string required)
    {
        var config = new ContainerConfig { Image = "busybox", Name = name, Cmd = ["sleep"], Requires = [required] };
        Registry.Tell(new CreateContainer(config), TestActor);
        return ExpectMsg<CreateSucceeded>(TimeSpan.FromSeconds(10)).ContainerId;
    }
}
