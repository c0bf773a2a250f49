using ActorPod.Actors.Containers;
using ActorPod.Actors.Hosting;
using ActorPod.Actors.Persistence;
using ActorPod.Actors.Tests.Fakes;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;
using Akka.Configuration;

namespace ActorPod.Actors.Tests;

/// <summary>
/// A TestKit with the real HOCON, an in-memory journal, and a registry over the fake runtime; the system is a
/// one-node cluster, as a lone daemon is, so the containers are shard entities here too.
/// </summary>
public abstract class ActorTestBase : Akka.TestKit.Xunit2.TestKit
{
    protected static readonly Config InMemory = ActorPodConfig.Cluster(ConfigurationFactory.ParseString("""
        akka.loggers = ["Akka.TestKit.TestEventListener, Akka.TestKit"]
        akka.loglevel = WARNING
        akka.loggers = ["Akka.Event.StandardOutLogger, Akka"]
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.actor.serialize-messages = off
        """).WithFallback(ConfigurationFactory.ParseString(ActorPodConfig.Hocon("base"))), ClusterSettings.Alone,
        "node-a");

    protected ActorTestBase(Config? config = null) : base(config ?? InMemory)
    {
        Deps = new ContainerDependencies(Runtime, Storage, Storage, "node-a", TimeSpan.FromSeconds(1));
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
    }

    protected FakeRuntime Runtime { get; } = new();

    protected FakeStorage Storage { get; } = new();

    protected ContainerDependencies Deps { get; set; }

    IActorRef? _registry;

    protected IActorRef Registry => _registry ??= ContainerHost.Start(Sys, Deps);

    protected string Create(string? name = null, params string[] cmd)
    {
        var config = new ContainerConfig { Image = "busybox", Name = name, Cmd = cmd.Length == 0 ? ["sleep"] : cmd };
        Registry.Tell(new CreateContainer(config), TestActor);
        return ExpectMsg<CreateSucceeded>(TimeSpan.FromSeconds(10)).ContainerId;
    }

    protected T Ask<T>(object command)
    {
        Registry.Tell(command, TestActor);
        return ExpectMsg<T>(TimeSpan.FromSeconds(10));
    }

    protected ContainerError Refused(object command) => Ask<CommandFailed>(command).Error;

    protected ContainerInfo Inspect(string id) => Ask<ContainerDetails>(new InspectContainer(id)).Info;
}
