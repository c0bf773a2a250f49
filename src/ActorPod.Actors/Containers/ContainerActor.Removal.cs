using ActorPod.Core.Decisions;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>
    /// Journals that removal began before anything is deleted, so a supervisor that dies halfway finishes the job
    /// after its restart instead of showing a half-removed container.
    /// </summary>
    void BeginRemoval()
    {
        _operation = _operation! with { AwaitingExit = false };
        var removing = _state.Status == ContainerStatus.Removing
            ? Array.Empty<IContainerEvent>()
            : [new ContainerRemoving(Id, DateTimeOffset.UtcNow)];

        PersistEvents(removing, () => RunEffect(_operation.Effect, _operation.ReplyTo));
    }

    void FinishRemoval(IActorRef replyTo)
    {
        _log.Info("Container {ContainerId} removed", Id);

        // The registry hears of it first, so a caller who reuses the name right after the reply finds it free.
        _registry.Tell(new ContainerGone(Id, _state.Name));
        replyTo.Tell(new CommandSucceeded(Id, "remove"));
        FailRemainingWaiters();

        // Commands stashed behind the removal find no container: answer them rather than dropping them.
        _operation = null;
        UnbecomeStacked();
        Become(Removed);
        Stash.UnstashAll();
        GiveUp();
    }

    void Removed()
    {
        Command<InspectContainer>(_ => Sender.Tell(new CommandFailed(ContainerError.NotFound(Id))));
        Command<WaitContainer>(msg => Sender.Tell(msg.Condition is WaitCondition.Removed or WaitCondition.NotRunning
            ? new WaitSucceeded(Id, msg.Condition, _state.ExitCode)
            : new CommandFailed(ContainerError.NotFound(Id))));
        Command<Messages.Commands.IContainerCommand>(_ =>
            Sender.Tell(new CommandFailed(ContainerError.NotFound(Id))));
        CommandAny(_ => { });
    }
}
