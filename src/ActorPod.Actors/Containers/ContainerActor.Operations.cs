using ActorPod.Core.Decisions;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Oci;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>The effect in flight, who asked for it, and whether it is waiting for the process to exit.</summary>
    sealed record Operation(Effect Effect, IActorRef ReplyTo, bool AwaitingExit);

    void Begin(Effect effect, IActorRef replyTo)
    {
        _generation++;
        _operation = new Operation(effect, replyTo, AwaitingExit: false);
        BecomeStacked(Busy);

        switch (effect)
        {
            case StopEffect stop:
                BeginStop(stop);
                break;
            case RestartEffect restart:
                BeginStop(restart.Stop);
                break;
            case RemoveEffect { KillFirst: true } remove:
                BeginKillBeforeRemoval(remove);
                break;
            case RemoveEffect:
                BeginRemoval();
                break;
            default:
                RunEffect(effect, replyTo);
                break;
        }
    }

    void RunEffect(Effect effect, IActorRef replyTo)
    {
        var state = _state;
        var deps = _deps;
        ContainerEffects.RunAsync(effect, state, deps, replyTo).PipeTo(Self);
    }

    void Busy()
    {
        CommonQueries();
        Command<EffectCompleted>(OnEffectCompleted);
        Command<ContainerProcessExited>(OnExitWhileBusy);
        Command<StopTimeoutElapsed>(OnStopTimeout);
        Command<ExitOverdue>(OnExitOverdue);
        Command<SignalFailed>(OnSignalFailed);
        Command<Messages.Commands.KillContainer>(OnKillWhileBusy);
        CommandAny(_ => Stash.Stash());
    }

    void OnEffectCompleted(EffectCompleted msg)
    {
        PersistEvents(msg.Events, () =>
        {
            LogTransitions(msg.Events);
            if (msg.Effect is RemoveEffect && msg.Error is null)
            {
                FinishRemoval(msg.ReplyTo);
                return;
            }

            msg.ReplyTo.Tell(msg.Error is null
                ? new CommandSucceeded(Id, msg.Effect.Command)
                : new CommandFailed(msg.Error));
            Finish();
        });
    }

    void OnExitWhileBusy(ContainerProcessExited msg)
    {
        if (IsStale(msg))
        {
            return;
        }

        if (_operation is not { AwaitingExit: true } operation || !IsLive())
        {
            // An exit during a start or pause: handle it once that effect's events are journaled, in order.
            Stash.Stash();
            return;
        }

        PersistEvents([Exited(msg)], () =>
        {
            _log.Info("Container {ContainerId} exited with code {ExitCode}", Id, msg.Exit.ExitCode);
            if (operation.Effect is RemoveEffect)
            {
                BeginRemoval();
                return;
            }

            if (operation.Effect is RestartEffect)
            {
                ContinueRestart(operation);
                return;
            }

            operation.ReplyTo.Tell(new CommandSucceeded(Id, operation.Effect.Command));
            Finish();
        });
    }

    void Finish()
    {
        _operation = null;
        UnbecomeStacked();
        Stash.UnstashAll();
        MaybeAutoRemove();
    }

    void MaybeAutoRemove()
    {
        if (_state.Status == ContainerStatus.Stopped && _state.Spec!.AutoRemove)
        {
            Self.Tell(new VettedCommand(new Messages.Commands.RemoveContainer(Id)), ActorRefs.Nobody);
        }
    }

    bool IsLive() => _state.Status is ContainerStatus.Running or ContainerStatus.Paused or ContainerStatus.Created;

    ContainerExited Exited(ContainerProcessExited msg) =>
        new(Id, msg.Exit.ExitCode, msg.Exit.At, msg.Error);

    void LogTransitions(IReadOnlyList<IContainerEvent> events)
    {
        foreach (var evt in events)
        {
            switch (evt)
            {
                case ContainerInitialized e:
                    _log.Info("Container {ContainerId} initialized with pid {Pid}", Id, e.Pid);
                    break;
                case ContainerStarted e:
                    _log.Info("Container {ContainerId} started with pid {Pid}", Id, e.Pid);
                    break;
                case ContainerPaused:
                    _log.Info("Container {ContainerId} paused", Id);
                    break;
                case ContainerUnpaused:
                    _log.Info("Container {ContainerId} unpaused", Id);
                    break;
            }
        }
    }

    void OnExitWhileIdle(ContainerProcessExited msg)
    {
        if (IsStale(msg))
        {
            return;
        }

        if (!IsLive())
        {
            _log.Debug("Container {ContainerId}: exit {ExitCode} ignored in state {Status}", Id, msg.Exit.ExitCode,
                _state.Status);
            return;
        }

        PersistEvents([Exited(msg)], () =>
        {
            _log.Info("Container {ContainerId} exited with code {ExitCode}", Id, msg.Exit.ExitCode);
            MaybeAutoRemove();
            MaybeRestartByPolicy();
        });
    }

    /// <summary>
    /// An exit recorded before the current run was created belongs to a run that was killed and replaced (a policy
    /// restart after a crash deletes the old run, whose conmon reports it afterwards).
    /// </summary>
    bool IsStale(ContainerProcessExited msg)
    {
        if (_state.RunSince is not { } since || msg.Exit.At >= since)
        {
            return false;
        }

        _log.Debug("Container {ContainerId}: exit {ExitCode} at {ExitAt} predates the current run " +
            "(since {RunSince}); ignored", Id, msg.Exit.ExitCode, msg.Exit.At, since);
        return true;
    }

    static RuntimeExit LostExit(string id) => new(id, 255, DateTimeOffset.UtcNow);

    static ContainerError AsError(string id, Exception ex) => ex is Core.Errors.ActorPodException ape
        ? ape.Error
        : ContainerError.RuntimeFailed(id, $"container {id}: {ex.Message}");
}
