using ActorPod.Actors.Containers;
using ActorPod.Actors.Specs;
using ActorPod.Core.Errors;
using ActorPod.Core.Naming;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Messages.Sharding;
using ActorPod.Oci;
using Akka.Persistence;

namespace ActorPod.Actors.Registry;

/// <summary>
/// The containers of one node: which ids and names exist (journaled, so it recovers like a container does), and the
/// way in for callers who know a container by name or id prefix. It keeps the latest <see cref="ContainerInfo"/> of
/// every container, so listings are answered from memory. The container actors are entities of the cluster's shard
/// region (shard = node): the registry reaches them through it, wakes its node's containers at start, routes their
/// exits, and checks the commands that reach them from elsewhere (<see cref="VetCommand"/>).
/// </summary>
public sealed partial class ContainerRegistry : ReceivePersistentActor, IWithTimers
{
    readonly ContainerDependencies _deps;
    readonly ILoggingAdapter _log = Context.GetLogger();
    readonly Dictionary<string, string> _namesById = [];
    readonly Dictionary<string, string> _idsByName = [];
    readonly Dictionary<string, ContainerInfo> _infoById = [];

    // The shard region, once started; until then messages for containers wait in _beforeRegion.
    IActorRef? _region;
    readonly List<(ContainerEnvelope Envelope, IActorRef Sender)> _beforeRegion = [];

    // Containers whose actor was created or woken since the registry started; the others get a WakeContainer first.
    readonly HashSet<string> _awake = [];

    // Containers recreated after the registry's recovery that have not reported yet: listings wait for them.
    readonly HashSet<string> _recovering = [];

    // When the containers woken at start began to recover, and how many they were: for the log line at the end.
    long _recoveryStarted;
    int _recoveryCount;

    public ContainerRegistry(ContainerDependencies deps, Task<IActorRef> region)
    {
        _deps = deps;
        region.PipeTo(Self, success: started => new RegionStarted(started));
        PersistenceId = "container-registry-" + deps.Node;
        _deps.Snapshots.Reset();

        CleanStartRecovery();
        Recover<ContainerRegistered>(evt =>
        {
            Register(evt);
            NotCleanAnyMore();
        });
        Recover<ContainerUnregistered>(evt =>
        {
            Unregister(evt);
            NotCleanAnyMore();
        });
        Recover<ContainerSnapshotted>(evt =>
        {
            _deps.Snapshots.Add(evt.ContainerId);
            NotCleanAnyMore();
        });

        CleanStartCommands();
        Command<CreateContainer>(OnCreate);
        Command<ListContainers>(OnList);
        ExecRouting();
        Federation();
        Command<IContainerCommand>(OnContainerCommand);
        Command<VetCommand>(msg => RouteLocally(msg.Command));
        Command<RegionStarted>(OnRegionStarted);
        Command<ContainerChanged>(OnChanged);
        Command<ContainerGone>(OnGone);
        Command<ContainerSnapshotSaved>(OnSnapshotSaved);
        Command<ContainerProcessExited>(OnExit);
        Command<StopWaitingForRecovery>(_ =>
        {
            _log.Warning("{Count} containers had not recovered after {Patience}; listing without them",
                _recovering.Count, RecoveryPatience);
            _recovering.Clear();
            Stash.UnstashAll();
        });
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>How long listings wait for recovering containers before answering with what is known.</summary>
    public static TimeSpan RecoveryPatience => TimeSpan.FromSeconds(30);

    sealed record StopWaitingForRecovery;

    sealed record RegionStarted(IActorRef Region);

    /// <param name="region">The shard region of containers, in which this node's shard holds its containers; started
    /// after the registry, so that the journal's start-up and the region's overlap.</param>
    public static Props Props(ContainerDependencies deps, Task<IActorRef> region) =>
        Akka.Actor.Props.Create(() => new ContainerRegistry(deps, region));

    protected override void OnReplaySuccess()
    {
        _deps.Snapshots.MarkKnown();
        foreach (var id in IdsToRecoverNow())
        {
            _recovering.Add(id);
            Wake(id);
        }

        if (_recovering.Count > 0)
        {
            _recoveryStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            _recoveryCount = _recovering.Count;
            Timers.StartSingleTimer("recovery", new StopWaitingForRecovery(), RecoveryPatience);
        }

        _log.Info("Registry recovered {Count} containers on node {Node} ({Recovering} recovering now)",
            _namesById.Count, _deps.Node, _recovering.Count);
    }

    void OnCreate(CreateContainer msg)
    {
        // A recovering container may be about to give its name back (removed, or never created).
        if (_recovering.Count > 0)
        {
            Stash.Stash();
            return;
        }

        if (WaitingForSnapshotDeletion() || RefusedBecauseClosed(null, "create a container"))
        {
            return;
        }

        if (msg.Node is not null && msg.Node != _deps.Node && PlaceOnPeer(msg))
        {
            return;
        }

        if (ValidateName(NameOf(msg), msg.Config.Name is not null) is { } error)
        {
            Sender.Tell(new CommandFailed(error));
            return;
        }

        // In a cluster the name is checked with the other members first; the answer comes back as NameChecked.
        if (!CheckNameOnPeers(msg))
        {
            Create(msg, Sender);
        }
    }

    static string NameOf(CreateContainer msg) =>
        msg.Config.Name is null ? "" : ContainerNames.Normalize(msg.Config.Name);

    void Create(CreateContainer msg, IActorRef sender)
    {
        var config = msg.Config;
        var name = config.Name is null ? UnusedName() : ContainerNames.Normalize(config.Name);
        // Checked again: another create may have taken the name while the other members were asked.
        if (ValidateName(name, config.Name is not null) is { } error)
        {
            sender.Tell(new CommandFailed(error));
            return;
        }

        var id = ContainerIds.New();
        ContainerSpec spec;
        try
        {
            var image = _deps.Images.Find(config.Image)
                ?? throw new ActorPodException(ContainerError.NotFound(config.Image, "image"));
            spec = SpecResolver.Resolve(id, config, image) with { Requires = ResolveRequires(config.Requires) };
        }
        catch (ActorPodException ex)
        {
            sender.Tell(new CommandFailed(ex.Error));
            return;
        }
        catch (Exception ex)
        {
            // A bug in resolving must cost this request, not the registry and every container under it.
            _log.Error(ex, "Creating a container from {Image} failed", config.Image);
            sender.Tell(new CommandFailed(ContainerError.RuntimeFailed(id, $"creating container {id}: {ex.Message}")));
            return;
        }

        Persist(new ContainerRegistered(id, name, _deps.Node, DateTimeOffset.UtcNow), evt =>
        {
            Register(evt);
            _awake.Add(id);
            _deps.Fresh.Add(id);
            ToContainer(id, new ConfigureContainer(id, name, spec), sender);
        });
    }

    ContainerError? ValidateName(string name, bool given)
    {
        if (given && !ContainerNames.IsValid(name))
        {
            return ContainerError.InvalidArgument(null, $"invalid container name \"{name}\": only " +
                "[a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }

        return _idsByName.TryGetValue(name, out var owner)
            ? new ContainerError(ErrorKind.NameInUse, owner, $"the container name \"{name}\" is already in use by " +
                $"container {owner}; remove that container to reuse the name")
            : null;
    }

    string UnusedName()
    {
        var name = ContainerNames.Generate();
        while (_idsByName.ContainsKey(name))
        {
            name = $"{ContainerNames.Generate()}_{Random.Shared.Next(1000)}";
        }

        return name;
    }

    void OnList(ListContainers msg)
    {
        if (_recovering.Count > 0)
        {
            Stash.Stash();
            return;
        }

        if (Federated)
        {
            ListFederated(msg, Rows(msg.All));
            return;
        }

        Sender.Tell(new ContainerList(Rows(msg.All)));
    }

    /// <summary>For another member's listing: all of this node's containers, once they have all recovered.</summary>
    void ListLocal(bool all)
    {
        if (_recovering.Count > 0)
        {
            Stash.Stash();
            return;
        }

        Sender.Tell(new ContainerList(Rows(all)));
    }

    List<ContainerInfo> Rows(bool all) => _infoById.Values
        .Where(info => all || info.Status is ContainerStatus.Running or ContainerStatus.Paused)
        .OrderByDescending(info => info.CreatedAt)
        .ToList();

    void OnContainerCommand(IContainerCommand command) => RouteLocally(command, federate: Federated);

    void RouteLocally(IContainerCommand command, bool federate = false)
    {
        if (WaitingForSnapshotDeletion())
        {
            return;
        }

        var resolved = Resolve(command.ContainerId);
        if (resolved.Error is { Kind: ErrorKind.NotFound } && federate)
        {
            RouteToPeers(command);
            return;
        }

        if (resolved.Error is not null)
        {
            Sender.Tell(new CommandFailed(resolved.Error));
            return;
        }

        if (DependencyRules.Check(command, resolved.Id!, _infoById) is { } refusal)
        {
            Sender.Tell(new CommandFailed(refusal));
            return;
        }

        if (!ContainerActor.IsReadOnly(command) && RefusedBecauseClosed(resolved.Id, command.GetType().Name))
        {
            return;
        }

        ToContainer(resolved.Id!, new VettedCommand(command), Sender);
    }

    /// <summary>Dependencies are stored by id, so renaming or reusing a name cannot change them.</summary>
    List<string> ResolveRequires(IReadOnlyList<string> requires) => requires.Select(reference =>
    {
        var (id, error) = Resolve(reference);
        return id ?? throw new ActorPodException(new ContainerError(ErrorKind.NotFound, null,
            $"cannot create the container: it requires {reference}: {error!.Message}"));
    }).Distinct().ToList();

    /// <summary>Docker's order: the full id, then an exact name, then a unique id prefix.</summary>
    (string? Id, ContainerError? Error) Resolve(string reference)
    {
        if (_namesById.ContainsKey(reference))
        {
            return (reference, null);
        }

        if (_idsByName.TryGetValue(ContainerNames.Normalize(reference), out var byName))
        {
            return (byName, null);
        }

        var matches = reference.Length > 0 && ContainerIds.IsHex(reference)
            ? _namesById.Keys.Where(id => id.StartsWith(reference, StringComparison.Ordinal)).Take(2).ToList()
            : [];
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, ContainerError.NotFound(reference)),
            _ => (null, ContainerError.InvalidArgument(null,
                $"container reference {reference} is ambiguous: more than one container id starts with it")),
        };
    }

    void Recovered(string id)
    {
        if (_recovering.Remove(id) && _recovering.Count == 0)
        {
            _log.Info("Registry of node {Node}: all {Count} containers woken at start recovered in {Elapsed} ms",
                _deps.Node, _recoveryCount,
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(_recoveryStarted).TotalMilliseconds);
            Timers.Cancel("recovery");
            Stash.UnstashAll();
        }
    }

    void OnChanged(ContainerChanged msg)
    {
        Recovered(msg.Info.Id);
        if (Federated)
        {
            TellPeers(msg.Info);
        }

        if (msg.Info.Status == ContainerStatus.Removed)
        {
            _infoById.Remove(msg.Info.Id);
            return;
        }

        if (_namesById.ContainsKey(msg.Info.Id))
        {
            _infoById[msg.Info.Id] = msg.Info;
        }
    }

    void OnGone(ContainerGone msg)
    {
        Recovered(msg.ContainerId);
        if (!_namesById.ContainsKey(msg.ContainerId))
        {
            return;
        }

        Persist(new ContainerUnregistered(msg.ContainerId, DateTimeOffset.UtcNow), Unregister);
    }

    void OnExit(ContainerProcessExited msg)
    {
        if (!_namesById.ContainsKey(msg.Exit.ContainerId))
        {
            _log.Debug("Exit of unknown container {ContainerId} ignored", msg.Exit.ContainerId);
            return;
        }

        ToContainer(msg.Exit.ContainerId, msg, Self);
    }

    /// <summary>A message for one of this node's containers, through its shard of the region.</summary>
    void ToContainer(string id, object message, IActorRef sender)
    {
        Wake(id);
        ToRegion(new ContainerEnvelope(_deps.Node, id, message), sender);
    }

    void ToRegion(ContainerEnvelope envelope, IActorRef sender)
    {
        if (_region is null)
        {
            _beforeRegion.Add((envelope, sender));
            return;
        }

        _region.Tell(envelope, sender);
    }

    void OnRegionStarted(RegionStarted msg)
    {
        _region = msg.Region;
        foreach (var (envelope, sender) in _beforeRegion)
        {
            _region.Tell(envelope, sender);
        }

        _beforeRegion.Clear();
    }

    /// <summary>
    /// Starts the actor of a known container that may not run yet (after this registry's recovery, or on first use
    /// after a clean start): it recovers, reconciles, and reports; one whose journal is empty reports it is gone.
    /// </summary>
    void Wake(string id)
    {
        if (_awake.Add(id))
        {
            ToRegion(new ContainerEnvelope(_deps.Node, id, new WakeContainer()), ActorRefs.Nobody);
        }
    }

    void OnSnapshotSaved(ContainerSnapshotSaved msg)
    {
        // Once closed, the clean snapshot must stay the last word; the container then just replays all its events.
        var id = msg.ContainerId;
        if (_closed || !_namesById.ContainsKey(id) || _deps.Snapshots.Contains(id))
        {
            return;
        }

        Persist(new ContainerSnapshotted(id, DateTimeOffset.UtcNow), evt => _deps.Snapshots.Add(evt.ContainerId));
    }

    void Register(ContainerRegistered evt)
    {
        _namesById[evt.ContainerId] = evt.Name;
        _idsByName[evt.Name] = evt.ContainerId;
    }

    void Unregister(ContainerUnregistered evt)
    {
        if (_namesById.Remove(evt.ContainerId, out var name))
        {
            _idsByName.Remove(name);
        }

        _infoById.Remove(evt.ContainerId);
        _awake.Remove(evt.ContainerId);
        _deps.Snapshots.Remove(evt.ContainerId);
        ForgetExecsOf(evt.ContainerId);
    }
}
