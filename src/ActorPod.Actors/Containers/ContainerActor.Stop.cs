using ActorPod.Core.Decisions;
using ActorPod.Messages.Events;
using ActorPod.Messages.Replies;
using ActorPod.Oci;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    void BeginStop(StopEffect stop)
    {
        // A stop with no time to wait is a kill, as in Docker: the stop signal would only delay the SIGKILL.
        var signal = stop.TimeoutSeconds == 0 ? Signals.Kill : stop.Signal;
        var requested = new ContainerStopRequested(Id, Signals.NameOf(signal), stop.TimeoutSeconds,
            DateTimeOffset.UtcNow);

        PersistEvents([requested], () =>
        {
            _log.Info("Container {ContainerId} stopping with {Signal}, timeout {Timeout}s", Id,
                Signals.NameOf(signal), stop.TimeoutSeconds);
            AwaitExit();
            SendSignal(signal, stop.ThawFirst);

            if (signal == Signals.Kill)
            {
                ScheduleExitOverdue(_deps.ExitGrace);
            }
            else if (stop.TimeoutSeconds > 0)
            {
                Timers.StartSingleTimer("stop-timeout", new StopTimeoutElapsed(_generation),
                    TimeSpan.FromSeconds(stop.TimeoutSeconds));
            }
        });
    }

    void BeginKillBeforeRemoval(RemoveEffect remove)
    {
        _log.Info("Container {ContainerId} killed for removal", Id);
        AwaitExit();
        SendSignal(Signals.Kill, remove.ThawFirst);
        ScheduleExitOverdue(_deps.ExitGrace);
    }

    void AwaitExit() => _operation = _operation! with { AwaitingExit = true };

    void SendSignal(int signal, bool thawAfter)
    {
        var id = Id;
        var runtime = _deps.Runtime;
        var self = Self;
        _ = Task.Run(async () =>
        {
            try
            {
                await runtime.KillAsync(id, signal, CancellationToken.None);

                // A frozen process gets the signal only once thawed.
                if (thawAfter)
                {
                    await runtime.ResumeAsync(id, CancellationToken.None);
                }
            }
            catch (Exception ex)
            {
                self.Tell(new SignalFailed(AsError(id, ex)));
            }
        });
    }

    void ScheduleExitOverdue(TimeSpan after) =>
        Timers.StartSingleTimer("exit-overdue", new ExitOverdue(_generation), after);

    void OnStopTimeout(StopTimeoutElapsed msg)
    {
        if (msg.Generation != _generation || _operation is not { AwaitingExit: true })
        {
            return;
        }

        _log.Info("Container {ContainerId} did not stop in time; sending SIGKILL", Id);
        Persist(new ContainerKilled(Id, Signals.Kill, DateTimeOffset.UtcNow), ApplyEvent);
        SendSignal(Signals.Kill, thawAfter: false);
        ScheduleExitOverdue(_deps.ExitGrace);
    }

    /// <summary>
    /// A kill during a stop must not wait for the stop's timeout: it is how a user cuts a long stop short. Only
    /// the signal goes out now; the stop still ends with the exit.
    /// </summary>
    void OnKillWhileBusy(Messages.Commands.KillContainer command)
    {
        if (_operation is not { AwaitingExit: true } || ContainerDecisions.Decide(_state, command) is not Perform
            {
                Effect: KillEffect kill,
            })
        {
            Stash.Stash();
            return;
        }

        var replyTo = Sender;
        Persist(new ContainerKilled(Id, kill.Signal, DateTimeOffset.UtcNow), evt =>
        {
            ApplyEvent(evt);
            SendSignal(kill.Signal, thawAfter: false);
            replyTo.Tell(new CommandSucceeded(Id, "kill"));
        });
    }

    void OnSignalFailed(SignalFailed msg)
    {
        _log.Warning("Container {ContainerId}: signal failed: {Reason}", Id, msg.Error.Message);
        ScheduleExitOverdue(TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// No exit came after SIGKILL. Either conmon's exit file is there and the watcher missed it, or conmon itself is
    /// gone; the runtime tells which, and a container that is not running is never left "running".
    /// </summary>
    void OnExitOverdue(ExitOverdue msg)
    {
        if (msg.Generation != _generation || _operation is not { AwaitingExit: true })
        {
            return;
        }

        var id = Id;
        var runtime = _deps.Runtime;
        var grace = _deps.ExitGrace;
        var generation = _generation;
        ProbeExitAsync(id, runtime).PipeTo(Self, success: probe => probe ?? (object)new ExitOverdue(generation),
            failure: ex => new SignalFailed(AsError(id, ex)));
        _log.Warning("Container {ContainerId}: no exit reported {Grace} after SIGKILL; asking the runtime", id, grace);
    }

    static async Task<ContainerProcessExited?> ProbeExitAsync(string id, IContainerRuntime runtime)
    {
        var exit = runtime.ReadExit(id);
        if (exit is not null)
        {
            return new ContainerProcessExited(exit);
        }

        var status = await runtime.StateAsync(id, CancellationToken.None);
        if (status is null || status.Status == "stopped")
        {
            return new ContainerProcessExited(LostExit(id),
                "the container stopped but conmon reported no exit code");
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        return null;
    }
}
