using ActorPod.Core.State;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;

namespace ActorPod.Core.Tests;

/// <summary>Container states reached the way the actor reaches them: by applying events to an empty journal.</summary>
static class TestStates
{
    public const string Id = "3f2a9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f";

    public const int Pid = 4242;

    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly ContainerSpec Spec = new()
    {
        Image = "docker.io/library/busybox:latest",
        ImageId = "sha256:" + new string('b', 64),
        Args = ["sleep", "1000"],
    };

    public static readonly ContainerStatus[] AllStatuses = Enum.GetValues<ContainerStatus>();

    public static ContainerState Empty => ContainerState.Empty(Id);

    public static ContainerState In(ContainerStatus status, ContainerSpec? spec = null) => status switch
    {
        ContainerStatus.Configured => ContainerTransitions.Apply(Empty, Created(spec)),
        ContainerStatus.Created => After(ContainerStatus.Configured, spec, Initialized()),
        ContainerStatus.Running => After(ContainerStatus.Created, spec, Started()),
        ContainerStatus.Paused => After(ContainerStatus.Running, spec, new ContainerPaused(Id, T0.AddSeconds(3))),
        ContainerStatus.Stopped => After(ContainerStatus.Running, spec, new ContainerExited(Id, 0, T0.AddSeconds(4))),
        ContainerStatus.Removing => After(ContainerStatus.Stopped, spec, new ContainerRemoving(Id, T0.AddSeconds(5))),
        ContainerStatus.Removed => After(ContainerStatus.Removing, spec, new ContainerRemoved(Id, T0.AddSeconds(6))),
        // No event leads here: the registry shows it for a node it cannot reach.
        ContainerStatus.Unknown => In(ContainerStatus.Running, spec) with { Status = ContainerStatus.Unknown },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static ContainerStarted Started(int pid = Pid) => new(Id, pid, T0.AddSeconds(2));

    public static ContainerCreated Created(ContainerSpec? spec = null) => new(Id, "web", spec ?? Spec, T0);

    public static ContainerInitialized Initialized(int pid = Pid) =>
        new(Id, pid, "/var/lib/actorpod/" + Id + "/bundle", "/var/lib/actorpod/" + Id + "/ctr.log", T0.AddSeconds(1));

    /// <summary>One event of each kind but creation, named as the transition tables name them.</summary>
    public static IContainerEvent Event(string kind) => kind switch
    {
        "initialized" => Initialized(),
        "started" => new ContainerStarted(Id, 5151, T0.AddSeconds(10)),
        "stop-requested" => new ContainerStopRequested(Id, "SIGTERM", 10, T0.AddSeconds(10)),
        "killed" => new ContainerKilled(Id, 15, T0.AddSeconds(10)),
        "exited" => new ContainerExited(Id, 137, T0.AddSeconds(10), "killed"),
        "paused" => new ContainerPaused(Id, T0.AddSeconds(10)),
        "unpaused" => new ContainerUnpaused(Id, T0.AddSeconds(10)),
        "removing" => new ContainerRemoving(Id, T0.AddSeconds(10)),
        "removed" => new ContainerRemoved(Id, T0.AddSeconds(10)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static readonly string[] EventKinds =
    [
        "initialized", "started", "stop-requested", "killed", "exited", "paused", "unpaused", "removing", "removed",
    ];

    static ContainerState After(ContainerStatus status, ContainerSpec? spec, IContainerEvent evt) =>
        ContainerTransitions.Apply(In(status, spec), evt);
}
