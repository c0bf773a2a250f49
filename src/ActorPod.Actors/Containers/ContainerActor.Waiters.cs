using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    sealed record Waiter(IActorRef ReplyTo, WaitCondition Condition);

    readonly List<Waiter> _waiters = [];

    /// <summary>
    /// A wait is a subscription: answered now when the condition already holds, otherwise when the event that
    /// meets it is journaled. Never polled.
    /// </summary>
    void OnWait(WaitContainer msg)
    {
        if (!_state.Exists)
        {
            Sender.Tell(new CommandFailed(ContainerError.NotFound(msg.ContainerId)));
            return;
        }

        if (msg.Condition != WaitCondition.NextExit && Holds(msg.Condition, _state.Status))
        {
            Sender.Tell(new WaitSucceeded(Id, msg.Condition, _state.ExitCode, _state.Error));
            return;
        }

        _waiters.Add(new Waiter(Sender, msg.Condition));
    }

    void AnswerWaiters(IContainerEvent evt)
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        var met = _waiters.Where(w => w.Condition == WaitCondition.NextExit
            ? evt is ContainerExited
            : Holds(w.Condition, _state.Status)).ToList();

        foreach (var waiter in met)
        {
            waiter.ReplyTo.Tell(new WaitSucceeded(Id, waiter.Condition, _state.ExitCode, _state.Error));
            _waiters.Remove(waiter);
        }
    }

    /// <summary>Waiters for an exit are answered by the removal too; waiters for a live state cannot be.</summary>
    void FailRemainingWaiters()
    {
        foreach (var waiter in _waiters)
        {
            waiter.ReplyTo.Tell(waiter.Condition is WaitCondition.Stopped or WaitCondition.NextExit
                ? new WaitSucceeded(Id, waiter.Condition, _state.ExitCode, _state.Error)
                : new CommandFailed(new ContainerError(ErrorKind.NotFound, Id,
                    $"container {Id} was removed before it was {waiter.Condition.ToString().ToLowerInvariant()}")));
        }

        _waiters.Clear();
    }

    static bool Holds(WaitCondition condition, ContainerStatus status) => condition switch
    {
        WaitCondition.Stopped => status is ContainerStatus.Stopped or ContainerStatus.Removing
            or ContainerStatus.Removed,
        WaitCondition.NotRunning => status is not (ContainerStatus.Running or ContainerStatus.Paused),
        WaitCondition.Removed => status == ContainerStatus.Removed,
        WaitCondition.Running => status == ContainerStatus.Running,
        WaitCondition.Paused => status == ContainerStatus.Paused,
        WaitCondition.Initialized => status == ContainerStatus.Created,
        WaitCondition.Configured => status == ContainerStatus.Configured,
        _ => false,
    };
}
