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
    public static IActorRef Start(IActorRefFactory system, ContainerDependencies deps)
    {
        var registry = system.ActorOf(ContainerRegistry.Props(deps), RegistryName);
        deps.Runtime.Exited += exit => registry.Tell(new ContainerProcessExited(exit));
        return registry;
    }
}
