using ActorPod.Core.State;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Core.Decisions;

/// <summary>When a container's storage may be mounted, unmounted or cleaned up.</summary>
public static class StorageDecisions
{
    /// <summary>Mount is allowed wherever the container has a root file system to show; null when allowed.</summary>
    public static Refuse? CheckMount(ContainerState state) => state.Status is ContainerStatus.Configured
        or ContainerStatus.Created or ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Stopped
        ? null
        : ContainerDecisions.Wrong(state, "mount", "created, initialized, running, paused or exited");

    /// <summary>The running process and exec sessions hold the mount: pulling it away would break them.</summary>
    public static Decision DecideUnmount(ContainerState state, bool liveExecSessions) => state.Status switch
    {
        ContainerStatus.Running or ContainerStatus.Paused =>
            ContainerDecisions.Wrong(state, "unmount", "created, initialized or exited"),
        _ when liveExecSessions => LiveSessions(state, "unmount"),
        ContainerStatus.Configured or ContainerStatus.Created or ContainerStatus.Stopped =>
            new Perform(new UnmountEffect()),
        _ => ContainerDecisions.Wrong(state, "unmount", "created, initialized or exited"),
    };

    /// <summary>An initialized container's runc state is still needed for its start, so only exited ones.</summary>
    public static Decision DecideCleanup(ContainerState state, bool liveExecSessions) => state.Status switch
    {
        ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Created =>
            ContainerDecisions.Wrong(state, "clean up", "created or exited"),
        _ when liveExecSessions => LiveSessions(state, "clean up"),
        ContainerStatus.Configured or ContainerStatus.Stopped => new Perform(new CleanupEffect()),
        _ => ContainerDecisions.Wrong(state, "clean up", "created or exited"),
    };

    static Refuse LiveSessions(ContainerState state, string verb) => new(new ContainerError(ErrorKind.InvalidState,
        state.Id, $"cannot {verb} container {state.Id}: it has live exec sessions"));
}
