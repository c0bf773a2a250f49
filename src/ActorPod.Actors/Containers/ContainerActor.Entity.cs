using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Persistence;

namespace ActorPod.Actors.Containers;

/// <summary>
/// Life as a shard entity. Its parent is the shard named after its node; its checks come from its node's registry.
/// Supervision is the shard's default: an exception restarts the actor, which recovers from its journal and
/// reconciles with the runtime like after a daemon restart, so no exit is lost; an actor that stopped (a journal
/// failure) comes back with the next message for it, and exits are such messages.
/// </summary>
public sealed partial class ContainerActor
{
    /// <summary>How long an actor recovered without a container waits for its creation before it is given up.</summary>
    static readonly TimeSpan EmptyPatience = TimeSpan.FromSeconds(30);

    sealed record GiveUpIfEmpty;

    void EntityCommands()
    {
        Command<WakeContainer>(_ => OnWake());
        Command<GiveUpIfEmpty>(_ =>
        {
            if (!_state.Exists)
            {
                GiveUp();
            }
        });
    }

    void OnWake()
    {
        // Registered, but the supervisor died before the creation (or after the removal) reached its journal.
        if (!_state.Exists)
        {
            _registry.Tell(new ContainerGone(Id, _state.Name));
            GiveUp();
        }
    }

    /// <summary>Asks the shard to stop this entity; messages that arrive meanwhile start a new one.</summary>
    void GiveUp() => Context.Parent.Tell(new Passivate(PoisonPill.Instance));

    /// <summary>
    /// Lifecycle commands that did not come through this node's registry go there first: only the registry sees
    /// the other containers a dependency check needs, and it refuses changes while the daemon shuts down. Wrapped
    /// commands are unwrapped here, so every behaviour (and the stash, which keeps the wrapper) sees the command.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        switch (message)
        {
            case VettedCommand vetted:
                return base.AroundReceive(receive, vetted.Command);
            case IContainerCommand command when !IsReadOnly(command):
                _registry.Tell(new VetCommand(command), Sender);
                return true;
            default:
                return base.AroundReceive(receive, message);
        }
    }

    /// <summary>Queries change nothing: they need no checks and are answered even while the daemon shuts down.
    /// </summary>
    internal static bool IsReadOnly(IContainerCommand command) =>
        command is InspectContainer or GetContainerHistory or GetArtifact or WaitContainer;

    /// <summary>
    /// The shard is the node that runs the container, and the allocation strategy places it nowhere else; should a
    /// shard still land on another node, its actors must not replay and reconcile a container whose processes run
    /// elsewhere (its runtime would find nothing and journal a lost exit). A container created a moment ago has
    /// nothing to load; its journal's highest sequence number (none) is still read, so numbering stays right. One
    /// its registry knows to have no snapshot replays its events without asking the snapshot store first.
    /// </summary>
    public override Recovery Recovery =>
        !OnOwnNode() || _fresh ? Recovery.None
        : _deps.Snapshots.MayHaveSnapshot(Id) ? base.Recovery
        : new Recovery(SnapshotSelectionCriteria.None);

    bool OnOwnNode() => Uri.UnescapeDataString(Context.Parent.Path.Name) == _deps.Node;

    void BecomeForeign()
    {
        var shard = Uri.UnescapeDataString(Context.Parent.Path.Name);
        _log.Error("Container {ContainerId} of node {Shard} was started on node {Node}; refusing every command",
            Id, shard, _deps.Node);
        Become(() => CommandAny(_ => Sender.Tell(new CommandFailed(ContainerError.RuntimeFailed(Id,
            $"container {Id} belongs to node {shard}, but its message reached node {_deps.Node}")))));
    }
}
