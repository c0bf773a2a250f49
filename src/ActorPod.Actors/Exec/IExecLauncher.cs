using ActorPod.Actors.Attach;
using ActorPod.Oci.Exec;

namespace ActorPod.Actors.Exec;

/// <summary>
/// Starts exec processes for the exec session actors: <see cref="ConmonExecLauncher"/> over
/// <see cref="IExecRuntime"/> in production, a fake in tests. Two steps, so a client attaches before the start.
/// </summary>
public interface IExecLauncher
{
    /// <summary>Starts conmon for the session; the process waits for <see cref="IExecProcess.StartAsync"/>.</summary>
    Task<IExecProcess> PrepareAsync(ExecRequest request, CancellationToken ct);
}

/// <summary>A prepared exec process under its conmon.</summary>
public interface IExecProcess : IAsyncDisposable
{
    /// <summary>Connects to the session's attach socket; do it before the start to see the first output.</summary>
    Task<IAttachChannel> AttachAsync(CancellationToken ct);

    /// <summary>Runs the process; returns its pid. Throws <see cref="ExecStartFailedException"/> quoting
    /// runc.</summary>
    Task<int> StartAsync(CancellationToken ct);

    /// <summary>The exit code once the process ended.</summary>
    Task<int> Exited { get; }
}

/// <summary>The real launcher: conmon -e and runc exec through <see cref="IExecRuntime"/>.</summary>
public sealed class ConmonExecLauncher(IExecRuntime runtime, IAttachConnector? connector = null) : IExecLauncher
{
    readonly IAttachConnector _connector = connector ?? ConmonAttachConnector.Instance;

    public async Task<IExecProcess> PrepareAsync(ExecRequest request, CancellationToken ct) =>
        new SessionProcess(await runtime.PrepareAsync(request, ct), _connector);

    sealed class SessionProcess(ExecSession session, IAttachConnector connector) : IExecProcess
    {
        public Task<IAttachChannel> AttachAsync(CancellationToken ct) =>
            connector.ConnectAsync(session.AttachSocketPath, ct);

        public Task<int> StartAsync(CancellationToken ct) => session.StartAsync(ct);

        public Task<int> Exited => session.Exited;

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}
