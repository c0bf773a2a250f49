using System.Buffers.Binary;

namespace ActorPod.Cli.Formatting;

/// <summary>
/// Splits Docker's multiplexed stream (8-byte header: stream, 0, 0, 0, big-endian uint32 size) into stdout and
/// stderr. Stream 0 (stdin echo) goes to stdout, as the docker CLI does.
/// </summary>
public static class FrameDemultiplexer
{
    public static async Task CopyAsync(Stream source, Stream stdout, Stream stderr, CancellationToken ct)
    {
        var header = new byte[8];
        var payload = new byte[32 * 1024];
        while (await ReadFullyAsync(source, header, ct))
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            var target = header[0] == 2 ? stderr : stdout;
            while (size > 0)
            {
                var read = await source.ReadAsync(payload.AsMemory(0, Math.Min(size, payload.Length)), ct);
                if (read == 0)
                {
                    throw new EndOfStreamException("the log stream ended inside a frame");
                }

                await target.WriteAsync(payload.AsMemory(0, read), ct);
                size -= read;
            }

            await target.FlushAsync(ct);
        }
    }

    // False at a clean end between frames; a header cut short is a broken stream.
    static async Task<bool> ReadFullyAsync(Stream source, byte[] buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(total), ct);
            if (read == 0)
            {
                return total == 0 ? false : throw new EndOfStreamException("the log stream ended inside a header");
            }

            total += read;
        }

        return true;
    }
}
