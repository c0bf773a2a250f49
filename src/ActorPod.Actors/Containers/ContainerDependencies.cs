using ActorPod.Oci;
using ActorPod.Storage;

namespace ActorPod.Actors.Containers;

/// <summary>What a container actor needs from the host: the runtime, storage and images, and its node's name.</summary>
/// <param name="ExitGrace">How long after SIGKILL an exit may take before the runtime is asked what happened.</param>
/// <param name="SnapshotEvery">A snapshot after this many events keeps recovery short.</param>
/// <param name="Exec">Starts exec sessions; without it exec is refused (tests that do not exec need none).</param>
/// <param name="Attach">Connects attach streams to conmon; the real socket client when null.</param>
public sealed record ContainerDependencies(
    IContainerRuntime Runtime,
    IContainerStorage Storage,
    IImageStore Images,
    string Node,
    TimeSpan ExitGrace,
    int SnapshotEvery = 50,
    Exec.IExecLauncher? Exec = null,
    Attach.IAttachConnector? Attach = null)
{
    /// <summary>Ids of containers being created on this node, whose actors need not recover.</summary>
    public FreshContainerIds Fresh { get; } = new();

    /// <summary>Containers of this node with a snapshot, kept by its registry.</summary>
    public ContainerSnapshotIndex Snapshots { get; } = new();

    public Attach.IAttachConnector AttachConnector => Attach ?? ActorPod.Actors.Attach.ConmonAttachConnector.Instance;

    public static TimeSpan DefaultExitGrace => TimeSpan.FromSeconds(10);
}
