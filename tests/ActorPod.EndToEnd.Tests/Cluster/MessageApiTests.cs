using System.Text.Json;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Messages.Serialization;
using Akka.Actor;
using Akka.Configuration;

namespace ActorPod.EndToEnd.Tests.Cluster;

/// <summary>
/// The actor message API: an ActorSystem that is no daemon and knows only ActorPod.Messages (and Akka.Cluster)
/// joins the cluster and drives a container through a node's registry, <c>/user/containers</c>, with typed replies.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MessageApiTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_foreign_cluster_member_creates_starts_waits_for_and_removes_a_container()
    {
        using var system = ActorSystem.Create("actorpod", ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = ["{{cluster.Seed}}"]
            akka.cluster.roles = ["client"]
            akka.cluster.downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            """).WithFallback(ConfigurationFactory.ParseString(MessageSerialization.Hocon())));
        var up = new TaskCompletionSource();
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var nodes = await cluster.Nodes[1].Cli("node", "ls", "--format", "json");
        var node2 = JsonDocument.Parse(nodes.Stdout).RootElement.EnumerateArray()
            .Single(n => n.GetProperty("Name").GetString() == "node2").GetProperty("Address").GetString();
        var registry = system.ActorSelection(node2 + "/user/containers");
        var timeout = TimeSpan.FromSeconds(30);

        var config = new ContainerConfig
        {
            Image = "busybox",
            Name = "api-" + Guid.NewGuid().ToString("N")[..6],
            Cmd = ["sh", "-c", "exit 3"],
            Labels = new Dictionary<string, string> { ["actorpod.e2e.cluster"] = "1" },
        };
        var created = await registry.Ask<CreateSucceeded>(new CreateContainer(config, "node3"), timeout);
        Assert.Equal(config.Name, created.Name);

        var waiting = registry.Ask<WaitSucceeded>(new WaitContainer(created.ContainerId), timeout);
        var started = await registry.Ask<CommandSucceeded>(new StartContainer(created.ContainerId), timeout);
        Assert.Equal(created.ContainerId, started.ContainerId);
        Assert.Equal(3, (await waiting).ExitCode);

        var details = await registry.Ask<ContainerDetails>(new InspectContainer(config.Name), timeout);
        Assert.Equal("node3", details.Info.Node);
        Assert.Equal(ContainerStatus.Stopped, details.Info.Status);

        await registry.Ask<CommandSucceeded>(new RemoveContainer(created.ContainerId), timeout);
        var gone = await registry.Ask<CommandFailed>(new InspectContainer(created.ContainerId), timeout);
        Assert.Equal(ErrorKind.NotFound, gone.Error.Kind);

        await Akka.Cluster.Cluster.Get(system).LeaveAsync();
    }
}
