using System.Net.Sockets;
using ActorPod.Cli.Formatting;

namespace ActorPod.Cli.Terminal;

/// <summary>
/// Drives a hijacked stream: output to stdout and stderr (demultiplexed unless raw), stdin to the socket when
/// asked, the write side shut down at stdin's end so the process reads end of file. Output ending is the end.
/// </summary>
public static class StreamSession
{
    /// <summary>Runs until the daemon closes the stream; true when the user typed the detach keys.</summary>
    public static async Task<bool> RunAsync(Socket socket, bool raw, bool forwardStdin, byte[] detachKeys,
        CancellationToken ct)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        await using var stdout = Console.OpenStandardOutput();
        await using var stderr = Console.OpenStandardError();
        var watch = new DetachWatch(detachKeys);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (forwardStdin)
        {
            _ = Task.Run(() => PumpStdinAsync(socket, watch, stop.Token), CancellationToken.None);
        }

        try
        {
            if (raw)
            {
                await stream.CopyToAsync(stdout, ct);
            }
            else
            {
                await FrameDemultiplexer.CopyAsync(stream, stdout, stderr, ct);
            }
        }
        catch (IOException)
        {
            // The daemon dropped the connection: the stream is over either way.
        }

        await stop.CancelAsync();
        return watch.Seen;
    }

    static async Task PumpStdinAsync(Socket socket, DetachWatch watch, CancellationToken ct)
    {
        await using var stdin = Console.OpenStandardInput();
        var buffer = new byte[8192];
        try
        {
            int n;
            while ((n = await stdin.ReadAsync(buffer, ct)) > 0)
            {
                watch.Feed(buffer.AsSpan(0, n));
                await socket.SendAsync(buffer.AsMemory(0, n), ct);
            }

            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException
                                      or ObjectDisposedException)
        {
            // The stream ended first.
        }
    }

    /// <summary>
    /// Notices the detach keys in what is sent; the daemon acts on them, this only tells why the stream ended.
    /// </summary>
    sealed class DetachWatch(byte[] keys)
    {
        int _matched;

        public bool Seen { get; private set; }

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                _matched = b == keys[_matched] ? _matched + 1 : b == keys[0] ? 1 : 0;
                if (_matched == keys.Length)
                {
                    Seen = true;
                    _matched = 0;
                }
            }
        }
    }
}
