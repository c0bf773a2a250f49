using ActorPod.Actors.Containers;
using ActorPod.Actors.Registry;
using ActorPod.Actors.Sharding;
using ActorPod.Messages.Sharding;
using Akka.Cluster.Sharding;

namespace ActorPod.Actors.Hosting;

/// <summary>
/// Starts a node's part of the container shard region and its container registry, and routes the runtime's exit
/// reports to the registry.
/// </summary>
public static class ContainerHost
{
    /// <summary>The registry's actor name: <c>/user/containers</c>.</summary>
    public const string RegistryName = "containers";

    /// <summary>
    /// Starts the shard region (this node hosts the shard named after it), then the registry, which recovers and
    /// wakes every container of the node through the region, and subscribes it to exits. Exits that happen before a
    /// container's actor exists are caught by that actor's reconciliation after recovery. The system must be a
    /// cluster member (a lone daemon joins itself): the region's coordinator lives on the oldest member.
    /// </summary>
    public static IActorRef Start(ActorSystem system, ContainerDependencies deps)
    {
        // The entities need the registry and the registry needs the region: the closure reads the registry when an
        // entity starts, and none starts before the registry exists, since only the registry wakes this node's.
        IActorRef registry = ActorRefs.Nobody;
        var region = StartRegion(system, deps, () => registry);
        registry = system.ActorOf(ContainerRegistry.Props(deps, region), RegistryName);
        deps.Runtime.Exited += exit => registry.Tell(new ContainerProcessExited(exit));
        CloseAtShutdown(system, registry);
        return registry;
    }

    /// <summary>
    /// The region of container entities: shard = node (pinned by <see cref="NodePinnedAllocation"/>), entity =
    /// container id, no passivation and no remember-entities (configured in hocon/cluster.conf). At hand-off, which
    /// happens only when the daemon stops, an entity simply stops: its container keeps running under conmon.
    /// </summary>
    static IActorRef StartRegion(ActorSystem system, ContainerDependencies deps, Func<IActorRef> registry)
    {
        // The extension first: it adds sharding's default configuration, which the settings are read from.
        var sharding = ClusterSharding.Get(system);
        var settings = ClusterShardingSettings.Create(system).WithRole(ContainerSharding.Role);
        return sharding.Start(ContainerSharding.TypeName,
            id => ContainerActor.Props(Uri.UnescapeDataString(id), deps, registry()), settings,
            ContainerMessageExtractor.Instance, new NodePinnedAllocation(system), PoisonPill.Instance);
    }

    /// <summary>
    /// Before the actors stop, the registry writes its clean-shutdown snapshot, from which the next start lists
    /// every container at once. Bounded: a shutdown never waits on it for long, it only makes the next start slower.
    /// </summary>
    static void CloseAtShutdown(ActorSystem system, IActorRef registry)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "close-container-registry", async () =>
        {
            try
            {
                await registry.Ask<ContainerRegistry.RegistryClosed>(new ContainerRegistry.CloseRegistry(),
                    TimeSpan.FromSeconds(4));
            }
            catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
            {
                system.Log.Warning("The container registry did not close in time; the next start recovers every " +
                    "container");
            }

            return Akka.Done.Instance;
        });
    }
}
