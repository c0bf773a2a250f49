using ActorPod.Messages.Events;

namespace ActorPod.Actors.History;

/// <summary>One line per journaled event, for people reading a container's history.</summary>
public static class HistoryDetails
{
    public static string Describe(IContainerEvent evt) => evt switch
    {
        ContainerCreated e => $"created as {e.Name} from {e.Spec.Image}: {string.Join(' ', e.Spec.Args)}",
        ContainerInitialized e => $"initialized in the runtime, pid {e.Pid}",
        ContainerStarted e => $"started, pid {e.Pid}",
        ContainerStopRequested e => $"stop requested with {e.Signal}, timeout {e.TimeoutSeconds}s",
        ContainerKilled e => $"signal {e.Signal} sent",
        ContainerExited e => $"exited with code {e.ExitCode}" + (e.Error is null ? "" : $": {e.Error}"),
        ContainerPaused => "paused",
        ContainerUnpaused => "unpaused",
        ContainerRemoving => "removal began",
        ContainerRemoved => "removed",
        ContainerRestartScheduled e => $"restart {e.RestartCount} by policy in {e.DelayMs} ms",
        ContainerRestartCancelled e => $"pending restart cancelled: {e.Reason}",
        _ => evt.GetType().Name,
    };
}
