namespace ActorPod.Messages.Model;

/// <summary>What a waiter waits for; podman's <c>wait --condition</c> and Docker's wait conditions.</summary>
public enum WaitCondition
{
    /// <summary>The container has exited (podman's default): a created container is waited on until it runs and
    /// exits.</summary>
    Stopped,

    /// <summary>Docker's <c>not-running</c>: answers at once for a container that is created or exited.</summary>
    NotRunning,

    /// <summary>The next exit after the wait was registered (Docker's <c>next-exit</c>).</summary>
    NextExit,

    /// <summary>The container has been removed.</summary>
    Removed,

    /// <summary>The container is running.</summary>
    Running,

    /// <summary>The container is paused.</summary>
    Paused,

    /// <summary>The container exists in the runtime (podman's <c>initialized</c>).</summary>
    Initialized,

    /// <summary>The container is configured (podman's <c>created</c>).</summary>
    Configured,
}
