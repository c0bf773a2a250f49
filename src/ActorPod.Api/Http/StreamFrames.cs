using System.Buffers.Binary;

namespace ActorPod.Api.Http;

/// <summary>
/// Docker's multiplexed stream framing: an 8-byte header (stream 1 = stdout, 2 = stderr, three zero bytes, the
/// payload size as a big-endian uint32) before each payload.
/// </summary>
public static class StreamFrames
{
    public static byte[] Frame(byte stream, ReadOnlySpan<byte> payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(8));
        return frame;
    }
}
