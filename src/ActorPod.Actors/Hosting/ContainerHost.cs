using ActorPod.Actors.Containers;
using ActorPod.Actors.Registry;
using ActorPod.Oci;

namespace ActorPod.Actors.Hosting;

/// <summary>Starts a node's container registry and routes the runtime's exit reports to it.</summary>
public static class ContainerHost
{
    /// <summary>The registry's actor name: <c>/user/containers</c>.</summary>
    public const string RegistryName = "containers";

    /// <summary>
    /// Creates the registry (which recovers every container of the node) and subscribes it to exits. Exits that
    /// happen before a container's actor exists are caught by that actor's reconciliation after recovery.
    /// </summary>
    public static IActorRef Start(ActorSystem system, ContainerDependencies deps)
    {
        var registry = system.ActorOf(ContainerRegistry.Props(deps), RegistryName);
        deps.Runtime.Exited += exit => registry.Tell(new ContainerProcessExited(exit));
        CloseAtShutdown(system, registry);
        return registry;
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
