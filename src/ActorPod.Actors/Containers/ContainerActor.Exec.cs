using ActorPod.Actors.Attach;
using ActorPod.Actors.Exec;
using ActorPod.Core.Naming;
using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Exec;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    // Every session this actor has known since it started (or recovered): live ones and ended ones, for inspect.
    readonly Dictionary<string, ExecRecord> _execs = [];

    /// <summary>How long sessions may take to report their own exit after their container exited.</summary>
    static readonly TimeSpan OrphanGrace = TimeSpan.FromSeconds(2);

    void ExecCommands()
    {
        Command<CreateExec>(OnCreateExec);
        Command<StartExec>(msg => OnStartExec(msg.ExecId, client: null, []));
        Command<StartExecAttached>(msg => OnStartExec(msg.ExecId, msg.Client, msg.DetachKeys));
        Command<ResizeExec>(OnResizeExec);
        Command<ExecProcessStarted>(OnExecStarted);
        Command<ExecStartFailed>(OnExecStartFailed);
        Command<ExecProcessEnded>(OnExecEnded);
        Command<CloseOrphanedExecs>(_ => CloseOrphanedExecSessions());
        Command<AttachContainer>(OnAttach);
        Command<ResizeContainer>(OnResizeContainer);
    }

    void OnInspectExec(InspectExec msg) => Sender.Tell(_execs.TryGetValue(msg.ExecId, out var record)
        ? record.ToDetails()
        : new CommandFailed(ContainerError.NotFound(msg.ExecId, "exec instance")));

    ContainerError? RefuseExec() => _state.Status == ContainerStatus.Running
        ? null
        : new ContainerError(ErrorKind.InvalidState, Id,
            $"cannot exec in container {Id}: it is {StatusNames.Podman(_state.Status)}, not running");

    void OnCreateExec(CreateExec msg)
    {
        var error = RefuseExec() ?? (msg.Args.Count == 0
            ? ContainerError.InvalidArgument(Id, $"exec in container {Id} needs a command: the argument list is empty")
            : _deps.Exec is null
                ? ContainerError.RuntimeFailed(Id, $"cannot exec in container {Id}: no exec runtime is configured")
                : null);
        if (error is not null)
        {
            Sender.Tell(new CommandFailed(error));
            return;
        }

        var execId = ContainerIds.New();
        var request = ExecRequestFor(msg, execId);
        var session = Context.ActorOf(ExecSessionActor.Props(request, _deps.Exec!, _deps.AttachConnector),
            "exec-" + execId);
        _execs[execId] = new ExecRecord(execId, msg with { ContainerId = Id }, ExecPhase.Created, session);

        _registry.Tell(new ExecKnown(execId, Id));
        _log.Debug("Exec {ExecId} created in container {ContainerId}", execId, Id);
        Sender.Tell(new ExecCreated(Id, execId));
    }

    ExecRequest ExecRequestFor(CreateExec msg, string execId)
    {
        var spec = _state.Spec!;
        var containerDir = _deps.Storage.ContainerDirectory(Id);
        return new ExecRequest(Id, execId, msg.Args, [.. spec.Env, .. msg.Env ?? []],
            string.IsNullOrEmpty(msg.User) ? spec.User : msg.User,
            string.IsNullOrEmpty(msg.WorkingDir) ? spec.WorkingDir : msg.WorkingDir,
            msg.Tty, msg.AttachStdin, msg.Privileged, Path.Join(containerDir, "merged"),
            ExecPaths.Directory(containerDir, execId));
    }

    void OnStartExec(string execId, IAttachClient? client, byte[] detachKeys)
    {
        if (!_execs.TryGetValue(execId, out var record))
        {
            Sender.Tell(new CommandFailed(ContainerError.NotFound(execId, "exec instance")));
            return;
        }

        var error = record.Phase != ExecPhase.Created
            ? new ContainerError(ErrorKind.InvalidState, Id,
                $"cannot start exec {execId} in container {Id}: it is {record.Phase.ToString().ToLowerInvariant()}, "
                + "not created")
            : RefuseExec();
        if (error is not null)
        {
            Sender.Tell(new CommandFailed(error));
            return;
        }

        _execs[execId] = record with { Phase = ExecPhase.Starting };
        record.Session.Tell(new BeginExec(Sender, client, detachKeys));
    }

    void OnExecStarted(ExecProcessStarted msg)
    {
        var record = _execs[msg.ExecId] with { Phase = ExecPhase.Running, Pid = msg.Pid };
        _execs[msg.ExecId] = record;
        object reply = msg.Stream is null
            ? record.ToDetails()
            : new AttachReady(Id, record.Config.Tty, msg.Stream);

        var started = new ExecSessionStarted(Id, msg.ExecId, record.Config.Args, msg.Pid, DateTimeOffset.UtcNow);
        if (!ContainerTransitions.IsAllowed(_state.Status, started, _state.Exists))
        {
            // The container exited while the session started: its end follows at once, nothing to journal.
            msg.ReplyTo.Tell(reply);
            return;
        }

        PersistEvents([started], () => msg.ReplyTo.Tell(reply));
    }

    void OnExecStartFailed(ExecStartFailed msg)
    {
        var record = _execs[msg.ExecId];
        if (msg.Error.Message.Contains("cannot exec in a paused container", StringComparison.Ordinal))
        {
            // A pause overtook the start between our check and runc's: refused like any exec into a paused
            // container, and the session may be started again once the container runs.
            _execs[msg.ExecId] = record with { Phase = ExecPhase.Created };
            msg.ReplyTo.Tell(new CommandFailed(new ContainerError(ErrorKind.InvalidState, Id,
                $"cannot exec in container {Id}: it is paused, not running")));
            return;
        }

        _execs[msg.ExecId] = record with
        {
            Phase = ExecPhase.Ended, ExitCode = ExecStartFailures.ExitCode(msg.Failure), Reason = msg.Error.Message,
        };
        Context.Stop(record.Session);
        msg.ReplyTo.Tell(new CommandFailed(msg.Error));
    }

    void OnExecEnded(ExecProcessEnded msg)
    {
        if (!_execs.TryGetValue(msg.ExecId, out var record) || record.Phase == ExecPhase.Ended)
        {
            record?.Session.Tell(new ExecEndRecorded());
            return;
        }

        _execs[msg.ExecId] = record with
        {
            Phase = ExecPhase.Ended, ExitCode = msg.ExitCode, Reason = msg.Reason, Pid = record.Pid,
        };
        var ended = new ExecSessionEnded(Id, msg.ExecId, msg.ExitCode, DateTimeOffset.UtcNow, msg.Reason);
        var journaled = _state.ExecIds.Contains(msg.ExecId) ? [ended] : Array.Empty<IContainerEvent>();
        PersistEvents(journaled, () =>
        {
            _log.Info("Exec {ExecId} in container {ContainerId} ended with code {ExitCode}", msg.ExecId, Id,
                msg.ExitCode);
            record.Session.Tell(new ExecEndRecorded());
        });
    }

    void OnResizeExec(ResizeExec msg)
    {
        if (_execs.TryGetValue(msg.ExecId, out var record) && record.Phase == ExecPhase.Running)
        {
            record.Session.Forward(msg);
            return;
        }

        Sender.Tell(new CommandFailed(record is null
            ? ContainerError.NotFound(msg.ExecId, "exec instance")
            : new ContainerError(ErrorKind.InvalidState, Id, $"cannot resize exec {msg.ExecId}: it is not running")));
    }

    /// <summary>Called for every journaled event: a container exit closes the sessions that outlive it.</summary>
    void AfterExecAwareEvent(IContainerEvent evt)
    {
        if (evt is ContainerExited && _state.ExecIds.Count > 0)
        {
            Timers.StartSingleTimer("close-execs", new CloseOrphanedExecs(), OrphanGrace);
        }
    }

    void CloseOrphanedExecSessions()
    {
        if (IsLive())
        {
            return;
        }

        foreach (var execId in _state.ExecIds.ToList())
        {
            Self.Tell(new ExecProcessEnded(execId, -1, "closed with its container, which exited"));
        }
    }
}
