using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;
using ActorPod.Actors.Attach;
using ActorPod.Api.Http;
using ActorPod.Oci.Attach;

namespace ActorPod.Api.Hijack;

/// <summary>
/// A hijacked connection as an attach client: output is queued (framed unless there is a tty) until the
/// connection drains it, so nothing written before the 101 goes out is lost; stdin is read from the connection.
/// </summary>
public sealed class HijackClient(PipeReader input, bool tty) : IAttachClient
{
    readonly Channel<byte[]> _output = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions
    {
        SingleReader = true,
    });

    volatile bool _gone;

    /// <summary>How the stream ended, once it has.</summary>
    public AttachEnd? End { get; private set; }

    public ValueTask WriteAsync(AttachStream stream, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var bytes = tty ? data.ToArray() : StreamFrames.Frame(stream == AttachStream.Stderr ? (byte)2 : (byte)1,
            data.Span);
        if (_gone || !_output.Writer.TryWrite(bytes))
        {
            throw new IOException("the attach client has gone away");
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadInputAsync(Memory<byte> buffer, CancellationToken ct)
    {
        var result = await input.ReadAsync(ct);
        var available = result.Buffer;
        if (available.IsEmpty && result.IsCompleted)
        {
            return 0;
        }

        var n = (int)Math.Min(buffer.Length, available.Length);
        available.Slice(0, n).CopyTo(buffer.Span);
        input.AdvanceTo(available.GetPosition(n));
        return n;
    }

    public void Complete(AttachEnd end)
    {
        End ??= end;
        _output.Writer.TryComplete();
    }

    /// <summary>Copies queued output to the connection until the stream completes or the client is gone.</summary>
    public async Task DrainAsync(PipeWriter output, CancellationToken ct)
    {
        try
        {
            await foreach (var bytes in _output.Reader.ReadAllAsync(ct))
            {
                var flushed = await output.WriteAsync(bytes, ct);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away; the attach actor learns it on its next write.
        }

        _gone = true;
    }
}
