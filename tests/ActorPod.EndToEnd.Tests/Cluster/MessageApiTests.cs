using System.Text.Json;
using ActorPod.EndToEnd.Tests.Infrastructure;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Notifications;
using ActorPod.Messages.Remoting;
using ActorPod.Messages.Replies;
using ActorPod.Messages.Serialization;
using ActorPod.Messages.Sharding;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster.Sharding;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Configuration;

namespace ActorPod.EndToEnd.Tests.Cluster;

/// <summary>
/// The actor message API: an ActorSystem that is no daemon and knows only ActorPod.Messages (and Akka.Cluster) joins
/// the cluster, creates a container through a node's registry (<c>/user/containers</c>: creation needs placement and
/// the cluster-wide name check) and drives it through a proxy of the container shard region, with typed replies.
/// </summary>
[Collection(ClusterCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MessageApiTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_foreign_cluster_member_creates_a_container_and_drives_it_through_a_shard_region_proxy()
    {
        // Remoting runs mutual TLS: this system presents a certificate that `actorpodd issue-cert` issued from the
        // cluster's authority, and holds the authority's certificate but not its key.
        var credentials = await IssueAsync("e2e-client");
        var identity = ClientCredentials.Load(credentials, "e2e-client");
        Directory.Delete(credentials, recursive: true);
        using var system = ActorSystem.Create("actorpod", BootstrapSetup.Create().WithConfig(
            ConfigurationFactory.ParseString($$"""
            {{RemotingTls.Hocon}}
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
            akka.remote.dot-netty.tcp.port = 0
            akka.cluster.seed-nodes = ["{{cluster.Seed}}"]
            akka.cluster.roles = ["client"]
            akka.cluster.pub-sub.gossip-interval = 250ms
            akka.cluster.downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
            """).WithFallback(ConfigurationFactory.ParseString(MessageSerialization.Hocon())))
            .And(RemotingTls.Setup(identity)));
        var up = new TaskCompletionSource();
        Akka.Cluster.Cluster.Get(system).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var nodes = await cluster.Nodes[1].Cli("node", "ls", "--format", "json");
        var node2 = JsonDocument.Parse(nodes.Stdout).RootElement.EnumerateArray()
            .Single(n => n.GetProperty("Name").GetString() == "node2").GetProperty("Address").GetString();
        var registry = system.ActorSelection(node2 + "/user/containers");
        var timeout = TimeSpan.FromSeconds(30);
        var notices = System.Threading.Channels.Channel.CreateUnbounded<ContainerEventNotice>();
        var subscriber = system.ActorOf(Props.Create(() => new NoticeCollector(notices.Writer)));
        await DistributedPubSub.Get(system).Mediator.Ask<SubscribeAck>(
            new Subscribe(ContainerTopics.Events, subscriber), timeout);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the subscription reaches the daemons by gossip

        var config = new ContainerConfig
        {
            Image = "busybox",
            Name = "api-" + Guid.NewGuid().ToString("N")[..6],
            Cmd = ["sh", "-c", "exit 3"],
            Labels = new Dictionary<string, string> { ["actorpod.e2e.cluster"] = "1" },
        };
        var created = await registry.Ask<CreateSucceeded>(new CreateContainer(config, "node3"), timeout);
        Assert.Equal(config.Name, created.Name);

        // The region's proxy: same type name, role and extractor as the daemons; it hosts no container itself.
        var containers = await ClusterSharding.Get(system).StartProxyAsync(ContainerSharding.TypeName,
            ContainerSharding.Role, ContainerMessageExtractor.Instance);
        var id = created.ContainerId;
        ContainerEnvelope On3(object message) => new("node3", id, message);

        var waiting = containers.Ask<WaitSucceeded>(On3(new WaitContainer(id)), timeout);
        var started = await containers.Ask<CommandSucceeded>(On3(new StartContainer(id)), timeout);
        Assert.Equal(id, started.ContainerId);
        Assert.Equal(3, (await waiting).ExitCode);

        var details = await containers.Ask<ContainerDetails>(On3(new InspectContainer(id)), timeout);
        Assert.Equal("node3", details.Info.Node);
        Assert.Equal(ContainerStatus.Stopped, details.Info.Status);

        // Refusals are typed too, and come from the container's own state.
        var refused = await containers.Ask<CommandFailed>(On3(new PauseContainer(id)), timeout);
        Assert.Equal(ErrorKind.InvalidState, refused.Error.Kind);
        Assert.Contains($"cannot pause container {id}", refused.Error.Message);

        await containers.Ask<CommandSucceeded>(On3(new RemoveContainer(id)), timeout);
        var gone = await containers.Ask<CommandFailed>(On3(new InspectContainer(id)), timeout);
        Assert.Equal(ErrorKind.NotFound, gone.Error.Kind);
        var forgotten = await registry.Ask<CommandFailed>(new InspectContainer(config.Name), timeout);
        Assert.Equal(ErrorKind.NotFound, forgotten.Error.Kind);

        var seen = await NoticesOfAsync(notices.Reader, created.ContainerId, "container-removed");
        Assert.Equal(["container-created", "container-initialized", "container-started", "container-exited",
            "container-removing", "container-removed"], seen.Select(n => n.Kind).Distinct());
        Assert.Equal(3, seen.Single(n => n.Kind == "container-exited").ExitCode);
        Assert.All(seen, n => Assert.Equal("node3", n.Node));

        await Akka.Cluster.Cluster.Get(system).LeaveAsync();
    }

    static async Task<List<ContainerEventNotice>> NoticesOfAsync(
        System.Threading.Channels.ChannelReader<ContainerEventNotice> reader, string containerId, string last)
    {
        var seen = new List<ContainerEventNotice>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var notice in reader.ReadAllAsync(cts.Token))
        {
            if (notice.ContainerId != containerId)
            {
                continue;
            }

            seen.Add(notice);
            if (notice.Kind == last)
            {
                break;
            }
        }

        return seen;
    }

    sealed class NoticeCollector : ReceiveActor
    {
        public NoticeCollector(System.Threading.Channels.ChannelWriter<ContainerEventNotice> writer) =>
            Receive<ContainerEventNotice>(notice => writer.TryWrite(notice));
    }

    async Task<string> IssueAsync(string name)
    {
        var dir = Directory.CreateTempSubdirectory("actorpod-client-").FullName;
        var start = new System.Diagnostics.ProcessStartInfo(Binaries.Daemon)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "issue-cert", "--cluster-ca", cluster.Authority, "--name", name, "--out", dir })
        {
            start.ArgumentList.Add(arg);
        }

        var issue = System.Diagnostics.Process.Start(start)!;
        var printed = await issue.StandardOutput.ReadToEndAsync();
        var said = await issue.StandardError.ReadToEndAsync();
        await issue.WaitForExitAsync();

        Assert.True(issue.ExitCode == 0, said);
        Assert.Equal(Path.Combine(dir, name + ".pem"), printed.Trim());
        return dir;
    }
}
