using ActorPod.Oci.Attach;

namespace ActorPod.Actors.Attach;

/// <summary>
/// One attach client on one conmon attach socket: pumps output to the client and the client's stdin to the
/// process, watching it for the detach keys. When the client closes its write side the process's stdin is closed
/// and output keeps flowing. The actor stops, and the socket is closed, when output ends, the client detaches or
/// goes away; the process keeps running in the last two cases.
/// </summary>
public sealed class AttachStreamActor : ReceiveActor
{
    readonly ILoggingAdapter _log = Context.GetLogger();
    readonly AttachStreamSetup _setup;
    readonly CancellationTokenSource _stop = new();
    IAttachChannel? _channel;

    public AttachStreamActor(AttachStreamSetup setup)
    {
        _setup = setup;
        Receive<Connected>(OnConnected);
        Receive<Status.Failure>(OnConnectFailed);
        Receive<PumpEnded>(OnPumpEnded);
        Receive<ResizeAttach>(OnResize);
    }

    /// <summary>Props for a stream that connects to <paramref name="setup"/>'s socket, or uses its channel.</summary>
    public static Props Props(AttachStreamSetup setup) => Akka.Actor.Props.Create(() => new AttachStreamActor(setup));

    sealed record Connected(IAttachChannel Channel);

    sealed record PumpEnded(AttachEnd End, string? Why);

    protected override void PreStart()
    {
        if (_setup.Channel is { } channel)
        {
            Self.Tell(new Connected(channel));
            return;
        }

        var connector = _setup.Connector;
        var path = _setup.SocketPath!;
        connector.ConnectAsync(path, _stop.Token).PipeTo(Self, success: c => new Connected(c));
    }

    void OnConnected(Connected msg)
    {
        _channel = msg.Channel;
        _setup.ReplyTo?.Tell(new AttachReady(_setup.ContainerId, _setup.Tty, Self));
        _log.Debug("Attach stream for {ContainerId} {ExecId} connected", _setup.ContainerId, _setup.ExecId ?? "-");

        var self = Self;
        var client = _setup.Client;
        var ct = _stop.Token;
        _ = AttachPumps.OutputAsync(msg.Channel, client, ct)
            .ContinueWith(t => self.Tell(Ended(t, AttachEnd.OutputEnded)), TaskScheduler.Default);
        if (_setup.Stdin)
        {
            var keys = _setup.DetachKeys;
            _ = AttachPumps.InputAsync(msg.Channel, client, keys, ct).ContinueWith(t =>
            {
                // A null result is stdin closed by the client: the stream goes on until output ends.
                if (!t.IsCompletedSuccessfully || t.Result is not null)
                {
                    self.Tell(Ended(t, t.IsCompletedSuccessfully ? t.Result!.Value : AttachEnd.ClientGone));
                }
            }, TaskScheduler.Default);
        }
    }

    static PumpEnded Ended(Task task, AttachEnd onSuccess) => task.IsCompletedSuccessfully
        ? new PumpEnded(onSuccess, null)
        : new PumpEnded(AttachEnd.ClientGone, task.Exception?.GetBaseException().Message);

    void OnConnectFailed(Status.Failure failure)
    {
        _log.Warning("Attach to {ContainerId} failed: {Reason}", _setup.ContainerId, failure.Cause.Message);
        _setup.ReplyTo?.Tell(new Messages.Replies.CommandFailed(Messages.Replies.ContainerError.RuntimeFailed(
            _setup.ContainerId, $"attaching to container {_setup.ContainerId}: {failure.Cause.Message}")));
        _setup.Client.Complete(AttachEnd.Failed);
        Context.Stop(Self);
    }

    void OnPumpEnded(PumpEnded msg)
    {
        // stdin closing is not the end: the process may still be writing its answer.
        if (msg.End == AttachEnd.OutputEnded && msg.Why is null && !_setup.CompleteOnOutputEnd)
        {
            _log.Debug("Attach stream for {ContainerId} {ExecId}: output ended", _setup.ContainerId,
                _setup.ExecId ?? "-");
            Context.Stop(Self);
            return;
        }

        if (msg.Why is not null)
        {
            _log.Debug("Attach client of {ContainerId} {ExecId} gone: {Reason}", _setup.ContainerId,
                _setup.ExecId ?? "-", msg.Why);
        }

        _setup.Client.Complete(msg.End);
        Context.Stop(Self);
    }

    void OnResize(ResizeAttach msg)
    {
        var channel = _channel;
        channel?.ResizeAsync(msg.Width, msg.Height).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        var channel = _channel;
        if (channel is not null)
        {
            _ = channel.DisposeAsync().AsTask();
        }

        _stop.Dispose();
    }
}
