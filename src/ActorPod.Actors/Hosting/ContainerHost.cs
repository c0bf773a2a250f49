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
        // The registry first, and the region in the background: the journal's start-up (the longest step of a
        // daemon's start), the region's (a few hundred ms of first-time work) and the API's overlap instead of
        // adding up. The entities need the registry; the registry holds its containers' messages until the region
        // exists.
        var region = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = system.ActorOf(ContainerRegistry.Props(deps, region.Task), RegistryName);
        _ = Task.Run(async () =>
        {
            try
            {
                region.SetResult(await StartRegionAsync(system, deps, registry));
            }
            catch (Exception e)
            {
                system.Log.Error(e, "The container shard region did not start: no container can be reached");
                region.SetException(e);
            }
        });
        deps.Runtime.Exited += exit => registry.Tell(new ContainerProcessExited(exit));
        CloseAtShutdown(system, registry);
        return registry;
    }

    /// <summary>
    /// The region of container entities: shard = node (pinned by <see cref="NodePinnedAllocation"/>), entity =
    /// container id, no passivation and no remember-entities (configured in hocon/cluster.conf). At hand-off, which
    /// happens only when the daemon stops, an entity simply stops: its container keeps running under conmon.
    /// </summary>
    static Task<IActorRef> StartRegionAsync(ActorSystem system, ContainerDependencies deps, IActorRef registry)
    {
        // The extension first: it adds sharding's default configuration, which the settings are read from.
        var sharding = ClusterSharding.Get(system);
        var settings = ClusterShardingSettings.Create(system).WithRole(ContainerSharding.Role);
        return sharding.StartAsync(ContainerSharding.TypeName,
            id => ContainerActor.Props(Uri.UnescapeDataString(id), deps, registry), settings,
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
