using System.IO.Pipes;
using ActorPod.Core.Errors;
using ActorPod.Core.Naming;
using ActorPod.Oci.Native;
using ActorPod.Oci.Runc;
using Serilog;

namespace ActorPod.Oci.Exec;

/// <summary>
/// One exec session under its conmon, prepared but not started until <see cref="StartAsync"/>: connect an
/// <see cref="Attach.AttachConnection"/> to <see cref="AttachSocketPath"/> first to see the first output.
/// Dispose it when done: an unstarted session's conmon is killed; a started one is left to finish and be reaped.
/// </summary>
public sealed class ExecSession : IAsyncDisposable
{
    private readonly ExecRequest _request;
    private readonly AnonymousPipeServerStream _sync;
    private readonly AnonymousPipeServerStream _start;
    private readonly TimeSpan _startTimeout;
    private readonly string _socketDirectory;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _startCalled;

    internal ExecSession(ExecRequest request, int conmonPid, AnonymousPipeServerStream sync,
        AnonymousPipeServerStream start, RuntimeOptions options, ILogger logger)
    {
        _request = request;
        ConmonPid = conmonPid;
        _sync = sync;
        _start = start;
        _startTimeout = options.CreateTimeout;
        _socketDirectory = options.SocketDirectory;
        _logger = logger;
    }

    public string ContainerId => _request.ContainerId;

    public string ExecId => _request.ExecId;

    /// <summary>The attach socket in the session's directory (SOCK_SEQPACKET); listening already.</summary>
    public string AttachSocketPath => _request.AttachSocketPath;

    /// <summary>conmon's control FIFO: <c>1 HEIGHT WIDTH</c> resizes the session's terminal.</summary>
    public string ControlFifoPath => _request.ControlFifoPath;

    public string LogPath => _request.LogPath;

    public string ExecDir => _request.ExecDir;

    /// <summary>The conmon that watches this session (0 when its pidfile was not written).</summary>
    public int ConmonPid { get; }

    /// <summary>The exec'd process's host pid; 0 until <see cref="StartAsync"/> succeeded.</summary>
    public int Pid { get; private set; }

    /// <summary>
    /// The exit code once the process ended (conmon's second sync message, else its exit file); faults with the
    /// start failure when the process never ran. Never completes for a session that is not started.
    /// </summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>
    /// Lets conmon run <c>runc exec</c>; returns the pid. Throws <see cref="ExecStartFailedException"/> quoting
    /// runc when the process cannot start (missing or non-executable command, container not running).
    /// </summary>
    public async Task<int> StartAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _startCalled, 1) != 0)
        {
            throw new InvalidOperationException($"exec session {ExecId} was already started");
        }

        // Second byte: the child conmon forked waits for it before it execs runc.
        _start.WriteByte(0);
        _start.Flush();
        await _start.DisposeAsync();

        SyncMessage? first;
        try
        {
            var line = await PipeLines.ReadLineAsync(_sync, _startTimeout, ct);
            first = line is null ? null : SyncMessage.Parse(line);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            await FailAsync(ActorPodException.Runtime(ContainerId,
                $"conmon did not report the pid of exec {Short} in container {ContainerId}: {e.Message}", e));
            throw;
        }

        if (first is null || first.Data <= 0)
        {
            var error = StartFailure(first);
            await FailAsync(error);
            throw error;
        }

        Pid = first.Data;
        _logger.Debug("Exec {ExecId} in {ContainerId} started as {Pid}", ExecId, ContainerId, Pid);
        _ = WatchExitAsync();
        return Pid;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _startCalled, 1) == 0)
        {
            // Closing the start pipe unstarted would let conmon go on and run the command: kill it instead.
            if (ConmonPid > 0)
            {
                ExecNative.Kill(ConmonPid, ExecNative.SigKill);
            }

            await _start.DisposeAsync();
            await FailAsync(ActorPodException.Runtime(ContainerId,
                $"exec {Short} in container {ContainerId} was abandoned before it started"));
        }
    }

    private string Short => ContainerIds.Short(ExecId);

    private ExecStartFailedException StartFailure(SyncMessage? message)
    {
        var raw = message?.Message ?? "";
        var said = RuncErrors.LastMessage(raw) ?? "conmon closed its sync pipe without a message";
        var text = $"exec {Short} in container {ContainerId} failed to start: {said}";
        return new ExecStartFailedException(Messages.Replies.ContainerError.RuntimeFailed(ContainerId, text),
            ExecStartFailures.Classify(said), said);
    }

    private async Task WatchExitAsync()
    {
        int code;
        try
        {
            var line = await PipeLines.ReadLineAsync(_sync, null, CancellationToken.None);
            code = line is not null ? SyncMessage.Parse(line).Data : ReadExitFile();
        }
        catch (Exception e)
        {
            _logger.Warning(e, "Reading the exit of exec {ExecId} in {ContainerId} failed", ExecId, ContainerId);
            code = ReadExitFile();
        }

        await CleanUpAsync();
        _logger.Debug("Exec {ExecId} in {ContainerId} exited with {ExitCode}", ExecId, ContainerId, code);
        _exited.TrySetResult(code);
    }

    private int ReadExitFile()
    {
        var exit = Exits.ExitFiles.Read(_request.ExitDirectory, ContainerId);
        return exit?.ExitCode ?? -1;
    }

    private async Task FailAsync(ActorPodException error)
    {
        await CleanUpAsync();
        _exited.TrySetException(error);
    }

    private async Task CleanUpAsync()
    {
        await _sync.DisposeAsync();
        if (ConmonPid > 0)
        {
            await ChildReaper.ReapAsync(ConmonPid, _logger, CancellationToken.None);
        }

        // conmon links SOCKDIR/EXECID to the session directory; remove the link, never what it points to.
        var link = new FileInfo(Path.Combine(_socketDirectory, ExecId));
        if (link.LinkTarget is not null)
        {
            link.Delete();
        }
    }
}
