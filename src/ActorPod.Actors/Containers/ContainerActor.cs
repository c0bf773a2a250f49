using ActorPod.Core.Decisions;
using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Replies;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace ActorPod.Actors.Containers;

/// <summary>
/// One container. Its mailbox is the only way to change it: a command is decided against the journaled state,
/// its effect runs off the mailbox and is piped back, the resulting events are persisted, and only then is the
/// command answered. While an effect runs the actor is busy: it stashes lifecycle commands and still answers
/// inspect and registers waiters.
/// <para>
/// A cluster sharding entity: its shard is its node, its parent the shard, and it reaches its node's registry
/// (which indexes names and listings) by reference. Nothing passivates it: a container is supervised as long as it
/// exists, and only a removed or never-created container gives its actor up.
/// </para>
/// </summary>
public sealed partial class ContainerActor : ReceivePersistentActor, IWithTimers
{
    readonly ContainerDependencies _deps;
    readonly ILoggingAdapter _log = Context.GetLogger();
    ContainerState _state;
    Operation? _operation;

    // Counts operations so that a timer armed for an earlier stop cannot act on a later one.
    long _generation;

    // Made by the registry a moment ago: there is no journal to recover.
    readonly bool _fresh;

    // The node's registry: told of every change, of removal, and of exec sessions; it vets commands from outside.
    readonly IActorRef _registry;

    public ContainerActor(string containerId, ContainerDependencies deps, IActorRef registry)
    {
        _deps = deps;
        _registry = registry;
        _state = ContainerState.Empty(containerId);
        _fresh = deps.Fresh.TryTake(containerId);
        PersistenceId = PersistenceIdFor(containerId);
        Recovering();
        Idle();
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static string PersistenceIdFor(string containerId) => "container-" + containerId;

    public static Props Props(string containerId, ContainerDependencies deps, IActorRef registry) =>
        Akka.Actor.Props.Create(() => new ContainerActor(containerId, deps, registry));

    string Id => _state.Id;

    void Idle()
    {
        CommonQueries();
        ExecCommands();
        Command<ConfigureContainer>(OnConfigure);
        EntityCommands();
        Command<ContainerProcessExited>(OnExitWhileIdle);
        IssueFourCommands();
        Command<IContainerCommand>(OnLifecycleCommand);
        Command<EffectCompleted>(msg => _log.Debug("Container {ContainerId}: late effect result {Effect} ignored",
            Id, msg.Effect.Command));
        Command<SaveSnapshotSuccess>(_ => _registry.Tell(new ContainerSnapshotSaved(Id)));
        Command<SaveSnapshotFailure>(msg => _log.Warning(msg.Cause, "Container {ContainerId}: snapshot failed", Id));
        CommandAny(msg => _log.Debug("Container {ContainerId}: ignored {Message}", Id, msg.GetType().Name));
    }

    void CommonQueries()
    {
        Command<InspectContainer>(_ => Sender.Tell(_state.Exists
            ? new ContainerDetails(ContainerInfoMapper.ToInfo(_state, _deps.Node, _operation is not null))
            : new CommandFailed(ContainerError.NotFound(Id))));
        Command<WaitContainer>(OnWait);
        HistoryQueries();
        Command<Messages.Commands.InspectExec>(OnInspectExec);
    }

    void OnConfigure(ConfigureContainer msg)
    {
        if (_state.Spec is not null)
        {
            Sender.Tell(new CommandFailed(ContainerError.InvalidArgument(Id, $"container {Id} already exists")));
            return;
        }

        var replyTo = Sender;
        var created = new ContainerCreated(msg.ContainerId, msg.Name, msg.Spec, DateTimeOffset.UtcNow);
        PersistEvents([created], () =>
        {
            _log.Info("Container {ContainerId} created as {Name} from {Image}", Id, msg.Name, msg.Spec.Image);
            replyTo.Tell(new CreateSucceeded(Id, msg.Name, []));
        });
    }

    void OnLifecycleCommand(IContainerCommand command)
    {
        var decision = ContainerDecisions.Decide(_state, command);
        switch (decision)
        {
            case Refuse refuse:
                _log.Debug("Container {ContainerId}: refused {Command}: {Reason}", Id, command.GetType().Name,
                    refuse.Error.Message);
                Sender.Tell(new CommandFailed(refuse.Error));
                break;
            case AlreadyDone done:
                Sender.Tell(new CommandSucceeded(Id, done.Command, Changed: false));
                break;
            case Perform perform:
                Begin(perform.Effect, Sender);
                break;
        }
    }

    /// <summary>Persists events one by one, applying each, and runs <paramref name="then"/> after the last.</summary>
    void PersistEvents(IReadOnlyList<IContainerEvent> events, Action then)
    {
        if (events.Count == 0)
        {
            then();
            return;
        }

        var remaining = events.Count;
        PersistAll(events, evt =>
        {
            ApplyEvent(evt);
            if (--remaining == 0)
            {
                then();
            }
        });
    }

    void ApplyEvent(IContainerEvent evt)
    {
        _state = ContainerTransitions.Apply(_state, evt);
        var info = ContainerInfoMapper.ToInfo(_state, _deps.Node, _operation is not null);
        _registry.Tell(new ContainerChanged(info));
        Context.System.EventStream.Publish(new Events.ContainerEventPublished(evt, _state.Name, _state.Spec!.Image));
        AnswerWaiters(evt);
        AfterExecAwareEvent(evt);

        if (LastSequenceNr % _deps.SnapshotEvery == 0)
        {
            SaveSnapshot(_state);
        }
    }
}
