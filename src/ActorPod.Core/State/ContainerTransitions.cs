using ActorPod.Messages.Events;
using ActorPod.Messages.Model;

namespace ActorPod.Core.State;

/// <summary>
/// The state machine of a container: which event may follow which state, and the state each event leads to.
/// Events reach <see cref="Apply"/> only after <see cref="Decisions.ContainerDecisions.Decide"/> allowed them, and
/// during
/// recovery from a journal that was written the same way, so an event that does not fit is a bug, not input.
/// </summary>
public static class ContainerTransitions
{
    /// <summary>The states from which an event of the given type may be applied.</summary>
    public static bool IsAllowed(ContainerStatus from, IContainerEvent evt, bool exists = true) => evt switch
    {
        ContainerCreated => !exists,
        ContainerInitialized => exists && from is ContainerStatus.Configured or ContainerStatus.Stopped,
        ContainerStarted => exists && from is ContainerStatus.Created,
        ContainerStopRequested or ContainerKilled =>
            exists && from is ContainerStatus.Running or ContainerStatus.Paused,
        ContainerExited =>
            exists && from is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Created,
        ContainerPaused => exists && from is ContainerStatus.Running,
        ContainerUnpaused => exists && from is ContainerStatus.Paused,
        ContainerRemoving => exists && from is not ContainerStatus.Removed,
        ContainerRemoved => exists && from is ContainerStatus.Removing,
        ContainerRestartScheduled => exists && from is ContainerStatus.Stopped,
        ContainerRestartCancelled => exists && from is not ContainerStatus.Removed,

        // Exec sessions come and go beside the lifecycle: they never change the container's status.
        ExecSessionStarted => exists && from is ContainerStatus.Running or ContainerStatus.Paused,
        ExecSessionEnded => exists,
        _ => false,
    };

    /// <summary>The state after <paramref name="evt"/>; throws when the event cannot follow the state.</summary>
    public static ContainerState Apply(ContainerState state, IContainerEvent evt)
    {
        if (!IsAllowed(state.Status, evt, state.Exists))
        {
            throw new InvalidTransitionException(state.Id, state.Status, evt);
        }

        return evt switch
        {
            ContainerCreated e => state with
            {
                Name = e.Name, Spec = e.Spec, Status = ContainerStatus.Configured, CreatedAt = e.At,
            },
            ContainerInitialized e => state with
            {
                Status = ContainerStatus.Created, Pid = e.Pid, BundlePath = e.BundlePath, LogPath = e.LogPath,
                RunSince = e.At,
            },
            ContainerStarted e => state with
            {
                Status = ContainerStatus.Running, Pid = e.Pid, StartedAt = e.At, Error = null, StopRequested = false,
                Restarting = false,
            },
            ContainerStopRequested => state with { StopRequested = true },
            ContainerKilled => state,
            ContainerExited e => state with
            {
                Status = ContainerStatus.Stopped, Pid = 0, ExitCode = e.ExitCode, FinishedAt = e.At, Error = e.Error,
            },
            ContainerPaused => state with { Status = ContainerStatus.Paused },
            ContainerUnpaused => state with { Status = ContainerStatus.Running },
            ContainerRemoving => state with { Status = ContainerStatus.Removing },
            ContainerRemoved => state with { Status = ContainerStatus.Removed, Pid = 0 },
            ContainerRestartScheduled e => state with
            {
                Restarting = true, RestartCount = e.RestartCount, RestartDelayMs = e.DelayMs,
            },
            ContainerRestartCancelled e => state with
            {
                Restarting = false, StopRequested = state.StopRequested || e.ByUser,
            },
            ExecSessionStarted e => state with { ExecIds = [.. state.ExecIds.Where(x => x != e.ExecId), e.ExecId] },
            ExecSessionEnded e => state with { ExecIds = [.. state.ExecIds.Where(x => x != e.ExecId)] },
            _ => throw new InvalidTransitionException(state.Id, state.Status, evt),
        };
    }
}
