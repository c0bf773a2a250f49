namespace ActorPod.Oci.Attach;

/// <summary>conmon's stream ids: the first byte of every packet on an attach socket.</summary>
public enum AttachStream : byte
{
    /// <summary>Only ever sent by the client, and without the id byte; listed for completeness.</summary>
    Stdin = 1,

    /// <summary>The process's stdout, or everything it writes when it runs on a terminal.</summary>
    Stdout = 2,

    Stderr = 3,
}

/// <summary>One packet read from an attach socket: which stream and the bytes it carried.</summary>
public sealed record AttachFrame(AttachStream Stream, ReadOnlyMemory<byte> Data);
