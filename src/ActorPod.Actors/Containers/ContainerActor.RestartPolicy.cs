using ActorPod.Core.Decisions;
using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>The back-off of a scheduled policy restart ran out.</summary>
    sealed record PolicyRestartDue;

    void PolicyRestartCommands()
    {
        Command<PolicyRestartDue>(_ => OnPolicyRestartDue());
        Command<StopContainer>(OnStopWhileRestartPending,
            _ => _state is { Restarting: true, Status: ContainerStatus.Stopped });

        // A policy start answers the actor itself: success needs nothing, a failure ends the restarting.
        Command<CommandSucceeded>(_ => { });
        Command<CommandFailed>(OnPolicyStartFailed);
    }

    /// <summary>Called once an exit is journaled while idle: schedules the restart the policy asks for.</summary>
    void MaybeRestartByPolicy()
    {
        if (!RestartPolicies.ShouldRestartAfterExit(_state))
        {
            return;
        }

        var delay = RestartPolicies.NextDelayMs(_state);
        var scheduled = new ContainerRestartScheduled(Id, _state.RestartCount + 1, delay, DateTimeOffset.UtcNow);
        PersistEvents([scheduled], () =>
        {
            _log.Info("Container {ContainerId} exited with {ExitCode}; restart {RestartCount} by policy {Policy} " +
                "in {DelayMs} ms", Id, _state.ExitCode, scheduled.RestartCount, _state.Spec!.RestartPolicy.Name, delay);
            Timers.StartSingleTimer("policy-restart", new PolicyRestartDue(), TimeSpan.FromMilliseconds(delay));
        });
    }

    /// <summary>After recovery and reconciliation: containers whose policy says so come back with the
    /// supervisor.</summary>
    void MaybeStartAtBoot()
    {
        if (!RestartPolicies.ShouldStartAtBoot(_state))
        {
            return;
        }

        _log.Info("Container {ContainerId}: starting it again after the supervisor's restart, policy {Policy}", Id,
            _state.Spec!.RestartPolicy.Name);
        if (_state.Restarting)
        {
            Self.Tell(new PolicyRestartDue());
            return;
        }

        Begin(new StartEffect(InitFirst: true, CleanupFirst: true), Self);
    }

    void OnPolicyRestartDue()
    {
        // A user started, restarted or removed it meanwhile: the restart has nothing left to do.
        if (!_state.Restarting || _state.Status != ContainerStatus.Stopped)
        {
            return;
        }

        Begin(new StartEffect(InitFirst: true, CleanupFirst: true), Self);
    }

    void OnPolicyStartFailed(CommandFailed failed)
    {
        _log.Warning("Container {ContainerId}: restart by policy failed: {Reason}", Id, failed.Error.Message);
        if (_state.Restarting && _state.Status == ContainerStatus.Stopped)
        {
            PersistEvents([new ContainerRestartCancelled(Id, failed.Error.Message, DateTimeOffset.UtcNow)], () => { });
        }
    }

    /// <summary>A stop while a restart is pending cancels it, as in Docker; the container already is stopped.</summary>
    void OnStopWhileRestartPending(StopContainer command)
    {
        var replyTo = Sender;
        Timers.Cancel("policy-restart");
        var cancelled = new ContainerRestartCancelled(Id, "stopped by a user", DateTimeOffset.UtcNow, ByUser: true);
        PersistEvents([cancelled], () =>
        {
            _log.Info("Container {ContainerId}: pending restart cancelled by a stop", Id);
            replyTo.Tell(new CommandSucceeded(Id, "stop"));
        });
    }
}
