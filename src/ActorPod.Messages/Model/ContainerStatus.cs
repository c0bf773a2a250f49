namespace ActorPod.Messages.Model;

/// <summary>
/// The lifecycle states of a container as the supervisor tracks them. Users see podman's words for them
/// (<see cref="StatusNames"/>): configured shows as "created", created-in-the-runtime as "initialized",
/// stopped as "exited".
/// </summary>
public enum ContainerStatus
{
    /// <summary>Known to the supervisor, nothing exists in the runtime yet.</summary>
    Configured,

    /// <summary>Created in the runtime (conmon and <c>runc create</c> done), the process not yet started.</summary>
    Created,

    /// <summary>The container's process runs.</summary>
    Running,

    /// <summary>Frozen through the cgroup freezer.</summary>
    Paused,

    /// <summary>The process exited; its exit code is known (or the reason it cannot be).</summary>
    Stopped,

    /// <summary>Removal has begun; runtime and storage are being released.</summary>
    Removing,

    /// <summary>Gone; kept only in the journal.</summary>
    Removed,

    /// <summary>The node that runs the container cannot be reached; the last journaled state is shown.</summary>
    Unknown,
}
