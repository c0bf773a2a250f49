namespace ActorPod.Messages.Model;

/// <summary>Maps <see cref="ContainerStatus"/> onto the words podman and the Docker API show users.</summary>
public static class StatusNames
{
    /// <summary>podman's word for a state: created, initialized, running, paused, exited, removing.</summary>
    public static string Podman(ContainerStatus status) => status switch
    {
        ContainerStatus.Configured => "created",
        ContainerStatus.Created => "initialized",
        ContainerStatus.Running => "running",
        ContainerStatus.Paused => "paused",
        ContainerStatus.Stopped => "exited",
        ContainerStatus.Removing => "removing",
        ContainerStatus.Removed => "removed",
        _ => "unknown",
    };

    /// <summary>Docker's word for a state: created, running, paused, restarting, removing, exited, dead.</summary>
    public static string Docker(ContainerStatus status) => status switch
    {
        ContainerStatus.Configured or ContainerStatus.Created => "created",
        ContainerStatus.Running => "running",
        ContainerStatus.Paused => "paused",
        ContainerStatus.Stopped => "exited",
        ContainerStatus.Removing => "removing",
        _ => "dead",
    };
}
