namespace ActorPod.Messages.Commands;

/// <summary>
/// Restart: a running container is stopped as by <see cref="StopContainer"/> (stop signal, then SIGKILL after
/// <paramref name="TimeoutSeconds"/>, the container's own timeout when null) and started again; a configured,
/// initialized or exited one is just started. Leads to Running. Refused when paused or removing. A user's
/// restart does not count in <c>RestartCount</c>, which counts policy restarts only, as Docker's does.
/// </summary>
public sealed record RestartContainer(string ContainerId, int? TimeoutSeconds = null) : IContainerCommand;
