using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace ActorPod.Oci.Attach;

/// <summary>
/// A client of a conmon attach socket (a container's or an exec session's). conmon sends one packet per read of
/// the process's output, its first byte the <see cref="AttachStream"/>; whatever the client sends goes to the
/// process's stdin as is. Shutting down the write side closes the process's stdin (when conmon runs with
/// <c>-i</c>). One reader and one writer may work concurrently.
/// </summary>
public sealed class AttachConnection : IAsyncDisposable
{
    // conmon reads at most 32 KiB - 1 per packet and drops the rest; smaller chunks stay clear of that.
    private const int StdinChunk = 8192;
    private const int ReceiveBuffer = 64 * 1024;

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[ReceiveBuffer];

    private AttachConnection(Socket socket, string socketPath)
    {
        _socket = socket;
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    /// <summary>conmon's control FIFO beside the socket (both live in conmon's bundle directory).</summary>
    public string ControlFifoPath => Path.Combine(Path.GetDirectoryName(SocketPath) ?? "/", "ctl");

    /// <summary>Connects to <paramref name="socketPath"/>, even one longer than a socket address allows.</summary>
    public static async Task<AttachConnection> ConnectAsync(string socketPath, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Seqpacket, ProtocolType.Unspecified);
        try
        {
            await UnixSocketAddress.ConnectAsync(socket, socketPath, ct);
            return new AttachConnection(socket, socketPath);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next frame, or null once conmon closed the connection (the process and its output ended).</summary>
    public async ValueTask<AttachFrame?> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(_buffer, SocketFlags.None, ct);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // conmon exits without a shutdown when the process never started.
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            if (n > 1)
            {
                return new AttachFrame((AttachStream)_buffer[0], _buffer.AsSpan(1, n - 1).ToArray());
            }
        }
    }

    /// <summary>Every frame until conmon closes the connection.</summary>
    public async IAsyncEnumerable<AttachFrame> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (await ReadAsync(ct) is { } frame)
        {
            yield return frame;
        }
    }

    /// <summary>Sends bytes to the process's stdin.</summary>
    public async Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        for (var offset = 0; offset < data.Length; offset += StdinChunk)
        {
            var chunk = data.Slice(offset, Math.Min(StdinChunk, data.Length - offset));
            await _socket.SendAsync(chunk, SocketFlags.None, ct);
        }
    }

    /// <summary>Shuts down the write side: conmon closes the process's stdin, so it reads end of file.</summary>
    public Task CloseStdinAsync()
    {
        _socket.Shutdown(SocketShutdown.Send);
        return Task.CompletedTask;
    }

    /// <summary>Resizes the process's terminal through conmon's control FIFO.</summary>
    public Task ResizeAsync(int width, int height)
    {
        ConsoleControl.Resize(ControlFifoPath, width, height);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
