using ActorPod.Oci.Attach;

namespace ActorPod.Actors.Attach;

/// <summary>
/// The far end of an attach stream: a hijacked HTTP connection in the daemon, a probe in tests. Local only (it
/// holds a connection), so it travels in in-process messages, never over the cluster.
/// </summary>
public interface IAttachClient
{
    /// <summary>Sends output to the client; throws when the client is gone.</summary>
    ValueTask WriteAsync(AttachStream stream, ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>Reads the client's stdin; 0 when the client closed its write side. Throws when it is gone.</summary>
    ValueTask<int> ReadInputAsync(Memory<byte> buffer, CancellationToken ct);

    /// <summary>The stream is over (output ended, detached, or the session ended); the client may close.</summary>
    void Complete(AttachEnd end);
}

/// <summary>How an attach stream ended.</summary>
public enum AttachEnd
{
    /// <summary>conmon closed the stream: the process ended.</summary>
    OutputEnded,

    /// <summary>The client typed its detach keys; the process keeps running.</summary>
    Detached,

    /// <summary>The client went away; the process keeps running.</summary>
    ClientGone,

    /// <summary>conmon's socket could not be reached.</summary>
    Failed,
}
