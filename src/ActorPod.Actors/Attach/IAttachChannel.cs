using ActorPod.Oci.Attach;

namespace ActorPod.Actors.Attach;

/// <summary>
/// One connection to a conmon attach socket, as the attach actors use it. <see cref="AttachConnection"/> in
/// production; a fake in tests. One reader and one writer may work at once.
/// </summary>
public interface IAttachChannel : IAsyncDisposable
{
    /// <summary>The next output frame, or null once conmon closed the connection.</summary>
    ValueTask<AttachFrame?> ReadAsync(CancellationToken ct);

    Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>The process reads end of file on stdin; output keeps coming.</summary>
    Task CloseStdinAsync();

    Task ResizeAsync(int width, int height);
}

/// <summary>Connects attach channels to conmon's sockets.</summary>
public interface IAttachConnector
{
    Task<IAttachChannel> ConnectAsync(string socketPath, CancellationToken ct);
}

/// <summary>The real connector: <see cref="AttachConnection"/> on conmon's SOCK_SEQPACKET socket.</summary>
public sealed class ConmonAttachConnector : IAttachConnector
{
    public static ConmonAttachConnector Instance { get; } = new();

    public async Task<IAttachChannel> ConnectAsync(string socketPath, CancellationToken ct) =>
        new ConnectionChannel(await AttachConnection.ConnectAsync(socketPath, ct));

    sealed class ConnectionChannel(AttachConnection connection) : IAttachChannel
    {
        public ValueTask<AttachFrame?> ReadAsync(CancellationToken ct) => connection.ReadAsync(ct);

        public Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct) =>
            connection.WriteStdinAsync(data, ct);

        public Task CloseStdinAsync() => connection.CloseStdinAsync();

        public Task ResizeAsync(int width, int height) => connection.ResizeAsync(width, height);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
