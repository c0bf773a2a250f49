using ActorPod.Actors.Attach;
using ActorPod.Core.Errors;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Attach;
using ActorPod.Oci.Exec;

namespace ActorPod.Actors.Exec;

/// <summary>
/// One exec session, a child of its container. It starts the process through the exec launcher (attaching its
/// client first, so no output is lost), reports the start and the exit to the container, which journals them, and
/// stops once the container has journaled the end. Slow work runs as tasks piped back.
/// </summary>
public sealed class ExecSessionActor : ReceiveActor, IWithTimers
{
    readonly ILoggingAdapter _log = Context.GetLogger();
    readonly ExecRequest _request;
    readonly IExecLauncher _launcher;
    readonly IAttachConnector _connector;
    IExecProcess? _process;
    IAttachClient? _client;
    IActorRef? _stream;
    bool _endRecorded;

    public ExecSessionActor(ExecRequest request, IExecLauncher launcher, IAttachConnector connector)
    {
        _request = request;
        _launcher = launcher;
        _connector = connector;
        Receive<BeginExec>(OnBegin);
        Receive<Launched>(OnLaunched);
        Receive<LaunchFailed>(OnLaunchFailed);
        Receive<ExitObserved>(msg => Context.Parent.Tell(new ExecProcessEnded(_request.ExecId, msg.ExitCode)));
        Receive<ResizeExec>(OnResize);
        Receive<ExecEndRecorded>(_ => OnEndRecorded());
        Receive<Terminated>(_ =>
        {
            _stream = null;
            MaybeFinish();
        });
        Receive<StreamOverdue>(_ => Finish());
    }

    public static Props Props(ExecRequest request, IExecLauncher launcher, IAttachConnector connector) =>
        Akka.Actor.Props.Create(() => new ExecSessionActor(request, launcher, connector));

    sealed record Launched(IExecProcess Process, IAttachChannel? Channel, int Pid, BeginExec Begin);

    sealed record LaunchFailed(Exception Error, BeginExec Begin);

    sealed record ExitObserved(int ExitCode);

    sealed record StreamOverdue;

    public ITimerScheduler Timers { get; set; } = null!;

    void OnBegin(BeginExec begin)
    {
        var launcher = _launcher;
        var request = _request;
        LaunchAsync(launcher, request, begin).PipeTo(Self);
    }

    static async Task<object> LaunchAsync(IExecLauncher launcher, ExecRequest request, BeginExec begin)
    {
        IExecProcess? process = null;
        IAttachChannel? channel = null;
        try
        {
            process = await launcher.PrepareAsync(request, CancellationToken.None);
            if (begin.Client is not null)
            {
                channel = await process.AttachAsync(CancellationToken.None);
            }

            var pid = await process.StartAsync(CancellationToken.None);
            return new Launched(process, channel, pid, begin);
        }
        catch (Exception ex)
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }

            if (process is not null)
            {
                await process.DisposeAsync();
            }

            return new LaunchFailed(ex, begin);
        }
    }

    void OnLaunched(Launched msg)
    {
        _process = msg.Process;
        _client = msg.Begin.Client;
        if (msg.Channel is not null && _client is not null)
        {
            var setup = new AttachStreamSetup(_request.ContainerId, _request.ExecId, _client, msg.Begin.DetachKeys,
                _request.AttachStdin, _request.Tty, _connector, Channel: msg.Channel, CompleteOnOutputEnd: false);
            _stream = Context.Watch(Context.ActorOf(AttachStreamActor.Props(setup), "attach"));
        }

        _log.Info("Exec {ExecId} in container {ContainerId} started with pid {Pid}", _request.ExecId,
            _request.ContainerId, msg.Pid);
        Context.Parent.Tell(new ExecProcessStarted(_request.ExecId, msg.Pid, msg.Begin.ReplyTo, _stream));
        msg.Process.Exited.PipeTo(Self, success: code => new ExitObserved(code),
            failure: _ => new ExitObserved(-1));
    }

    void OnLaunchFailed(LaunchFailed msg)
    {
        var (error, failure) = msg.Error switch
        {
            ExecStartFailedException e => (e.Error, e.Failure),
            ActorPodException e => (e.Error, ExecStartFailure.Other),
            _ => (ContainerError.RuntimeFailed(_request.ContainerId,
                $"exec {_request.ExecId} in container {_request.ContainerId} failed: {msg.Error.Message}"),
                ExecStartFailure.Other),
        };
        _log.Warning("Exec {ExecId} in container {ContainerId} failed to start: {Reason}", _request.ExecId,
            _request.ContainerId, error.Message);
        msg.Begin.Client?.Complete(AttachEnd.Failed);
        Context.Parent.Tell(new ExecStartFailed(_request.ExecId, error, failure, msg.Begin.ReplyTo));
    }

    void OnResize(ResizeExec msg)
    {
        if (_stream is not null)
        {
            _stream.Tell(new ResizeAttach(msg.Height, msg.Width));
            Sender.Tell(new CommandSucceeded(_request.ContainerId, "resize"));
            return;
        }

        try
        {
            ConsoleControl.Resize(Path.Join(_request.ExecDir, "ctl"), msg.Width, msg.Height);
            Sender.Tell(new CommandSucceeded(_request.ContainerId, "resize"));
        }
        catch (Exception ex) when (ex is ActorPodException or IOException)
        {
            Sender.Tell(new CommandFailed(ex is ActorPodException ape ? ape.Error
                : ContainerError.RuntimeFailed(_request.ContainerId, ex.Message)));
        }
    }

    void OnEndRecorded()
    {
        _endRecorded = true;

        // conmon may report the exit before it has flushed the last output to the socket: let the stream drain.
        Timers.StartSingleTimer("stream-overdue", new StreamOverdue(), TimeSpan.FromSeconds(2));
        MaybeFinish();
    }

    void MaybeFinish()
    {
        if (_endRecorded && _stream is null)
        {
            Finish();
        }
    }

    void Finish()
    {
        // The end is journaled: a client that inspects the session after its stream closes sees the exit code.
        _client?.Complete(AttachEnd.OutputEnded);
        Context.Stop(Self);
    }

    protected override void PostStop()
    {
        var process = _process;
        if (process is not null)
        {
            _ = process.DisposeAsync().AsTask();
        }
    }
}
