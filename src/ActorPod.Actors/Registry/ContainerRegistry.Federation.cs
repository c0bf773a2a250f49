using ActorPod.Actors.Persistence;
using ActorPod.Core.Naming;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Messages.Sharding;

namespace ActorPod.Actors.Registry;

/// <summary>
/// The cluster's view from one registry. Every daemon is a cluster node (a lone one is a cluster of one); each node
/// keeps its own containers, index and journal, and nothing moves between nodes. A command for a container this
/// node does not know is resolved with the other members' registries (<c>/user/containers</c>: which container and
/// node does this name or prefix mean?) and then delivered through the shard region, where the container's shard
/// is its node; the owning registry still checks it (<see cref="Containers.VetCommand"/>). A full id whose node is
/// known and reachable needs no question at all. Names are checked with every member, and listings merge every
/// member's rows.
/// <para>
/// The last rows each member reported are kept in memory: when a member becomes unreachable its containers are
/// listed as <see cref="ContainerStatus.Unknown"/> with that state, and commands for them fail at once instead of
/// waiting in the region for a node that does not answer.
/// </para>
/// </summary>
public sealed partial class ContainerRegistry
{
    readonly Dictionary<string, IReadOnlyList<ContainerInfo>> _rowsByPeer = [];
    readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    TimeSpan _peerTimeout = TimeSpan.FromSeconds(3);

    void Federation()
    {
        _peerTimeout = Context.System.Settings.Config.GetTimeSpan("actorpod.cluster.peer-timeout", _peerTimeout);

        Command<LocateContainer>(msg =>
        {
            var id = msg.NameOnly ? _idsByName.GetValueOrDefault(msg.Reference) : Resolve(msg.Reference).Id;
            Sender.Tell(id is not null
                ? new ContainerLocated(id, _deps.Node)
                : new CommandFailed(ContainerError.NotFound(msg.Reference)));
        });
        Command<PeerList>(_ => ListLocal(all: true));
        Command<PeersListed>(OnPeersListed);
        Command<PeerContainerChanged>(OnPeerChanged);
        Command<ListNodes>(_ => Sender.Tell(new NodeList(Nodes())));
        Command<NameChecked>(OnNameChecked);
        Command<Deliver>(msg => ToRegion(msg.Envelope, msg.ReplyTo));
    }

    /// <summary>
    /// False for a lone daemon that never saw another node: its commands and listings take the local path, with no
    /// task and no question to anyone.
    /// </summary>
    bool Federated => _rowsByPeer.Count > 0 || _cluster.State.Members.Count > 1;

    /// <summary>The other members that are up and reachable, by node name.</summary>
    List<(string Node, ActorSelection Registry)> LivePeers()
    {
        var state = _cluster.State;
        return state.Members
            .Where(m => m.Status == Akka.Cluster.MemberStatus.Up && !state.Unreachable.Contains(m))
            .Where(m => m.Address != _cluster.SelfAddress)
            .Select(m => (Node: NodeOf(m), Member: m))
            .Where(p => p.Node is not null)
            .Select(p => (p.Node!, Context.ActorSelection(
                new RootActorPath(p.Member.Address) / "user" / Hosting.ContainerHost.RegistryName)))
            .ToList();
    }

    static string? NodeOf(Akka.Cluster.Member member) => member.Roles
        .FirstOrDefault(r => r.StartsWith(ActorPodConfig.NodeRolePrefix, StringComparison.Ordinal))?
        [ActorPodConfig.NodeRolePrefix.Length..];

    /// <summary>A container of a member that is gone: known only from that member's last listing.</summary>
    (string Node, ContainerInfo Info)? OnLostPeer(string reference, IEnumerable<string> live)
    {
        var alive = live.ToHashSet();
        return Find(_rowsByPeer.Where(p => !alive.Contains(p.Key) && p.Key != _deps.Node), reference);
    }

    static ContainerError Unreachable(string node, ContainerInfo info) => ContainerError.RuntimeFailed(info.Id,
        $"container {info.Id} is on node {node}, which is unreachable; its last known state is " +
        StatusNames.Docker(info.Status));

    static (string Node, ContainerInfo Info)? Find(
        IEnumerable<KeyValuePair<string, IReadOnlyList<ContainerInfo>>> rowsByNode, string reference)
    {
        var normalized = ContainerNames.Normalize(reference);
        foreach (var (node, rows) in rowsByNode)
        {
            var info = rows.FirstOrDefault(r => r.Id == reference || r.Name == normalized)
                ?? (reference.Length >= 4 && ContainerIds.IsHex(reference)
                    ? rows.FirstOrDefault(r => r.Id.StartsWith(reference, StringComparison.Ordinal))
                    : null);
            if (info is not null)
            {
                return (node, info);
            }
        }

        return null;
    }

    /// <summary>
    /// Unreachable members answer with an error naming the node at once; reachable ones are asked where the
    /// container is, and the command goes to it through the shard region with the caller as sender, so the reply
    /// goes straight back. The lookup runs outside the actor and touches none of its fields.
    /// </summary>
    void RouteToPeers(IContainerCommand command)
    {
        var peers = LivePeers();
        if (OnLostPeer(command.ContainerId, peers.Select(p => p.Node)) is var (node, info))
        {
            Sender.Tell(new CommandFailed(Unreachable(node, info)));
            return;
        }

        if (KnownLive(command.ContainerId, peers) is { } home)
        {
            ToRegion(new ContainerEnvelope(home, command.ContainerId, command), Sender);
            return;
        }

        var self = Self;
        var sender = Sender;
        var timeout = _peerTimeout;
        var lastKnown = new Dictionary<string, IReadOnlyList<ContainerInfo>>(_rowsByPeer);
        _ = Task.Run(async () =>
        {
            var silent = new List<string>();
            var found = await LocateAsync(peers, command.ContainerId, timeout, silent: silent);
            if (found is { Located: var located })
            {
                self.Tell(new Deliver(new ContainerEnvelope(located.Node, located.ContainerId, command), sender));
                return;
            }

            // A member that just died is not unreachable yet, but it is silent; its containers are refused alike.
            var lost = Find(lastKnown.Where(p => silent.Contains(p.Key)), command.ContainerId);
            sender.Tell(new CommandFailed(lost is var (node, info)
                ? Unreachable(node, info)
                : ContainerError.NotFound(command.ContainerId)));
        });
    }

    /// <summary>The node of a container known by its full id from a reachable member's last report.</summary>
    string? KnownLive(string reference, List<(string Node, ActorSelection Registry)> peers) => peers
        .Select(p => p.Node)
        .FirstOrDefault(node => _rowsByPeer.TryGetValue(node, out var rows) && rows.Any(r => r.Id == reference));

    /// <summary>
    /// Exec sessions by id, like containers: the container that owns the session gets the command through the
    /// region. Only detached starts and inspection work across nodes; attached streams stay on the node that serves
    /// the API.
    /// </summary>
    void RouteExecToPeers(IExecCommand command)
    {
        var peers = LivePeers();
        var self = Self;
        var sender = Sender;
        var timeout = _peerTimeout;
        _ = Task.Run(async () =>
        {
            var found = await LocateAsync(peers, new LocateExec(command.ExecId), timeout);
            if (found is null)
            {
                sender.Tell(new CommandFailed(ContainerError.NotFound(command.ExecId, "exec instance")));
                return;
            }

            var located = found.Value.Located;
            self.Tell(new Deliver(new ContainerEnvelope(located.Node, located.ContainerId, command), sender));
        });
    }

    static Task<(ActorSelection Registry, ContainerLocated Located)?> LocateAsync(
        List<(string Node, ActorSelection Registry)> peers, string reference, TimeSpan timeout, bool nameOnly = false,
        List<string>? silent = null) =>
        LocateAsync(peers, new LocateContainer(reference, nameOnly), timeout, silent);

    static async Task<(ActorSelection Registry, ContainerLocated Located)?> LocateAsync(
        List<(string Node, ActorSelection Registry)> peers, object question, TimeSpan timeout,
        List<string>? silent = null)
    {
        var answers = await Task.WhenAll(peers.Select(async peer =>
        {
            try
            {
                return await peer.Registry.Ask<object>(question, timeout) is ContainerLocated l
                    ? (peer.Registry, l)
                    : ((ActorSelection, ContainerLocated)?)null;
            }
            catch (Exception)
            {
                // A member that does not answer in time is treated as not having the container.
                lock (peers)
                {
                    silent?.Add(peer.Node);
                }

                return null;
            }
        }));
        return answers.FirstOrDefault(a => a is not null);
    }

    /// <summary>
    /// A create for another node goes to that node's registry, with the caller as sender; "any" picks the member
    /// with the fewest containers, counting this node. False when this node is the one chosen.
    /// </summary>
    bool PlaceOnPeer(CreateContainer msg)
    {
        var peers = LivePeers();
        var target = msg.Node;
        if (target == "any")
        {
            target = peers.Select(p => (p.Node, Count: _rowsByPeer.GetValueOrDefault(p.Node, []).Count))
                .Append((Node: _deps.Node, Count: _infoById.Count))
                .OrderBy(p => p.Count).ThenBy(p => p.Node, StringComparer.Ordinal).First().Node;
        }

        if (target == _deps.Node)
        {
            return false;
        }

        var peer = peers.FirstOrDefault(p => p.Node == target);
        if (peer.Registry is null)
        {
            var known = string.Join(", ", peers.Select(p => p.Node).Append(_deps.Node).Order(StringComparer.Ordinal));
            Sender.Tell(new CommandFailed(ContainerError.InvalidArgument(null, _rowsByPeer.ContainsKey(target!)
                ? $"cannot create the container on node {target}: it is unreachable"
                : $"cannot create the container on node {target}: no such node in the cluster (nodes: {known})")));
            return true;
        }

        peer.Registry.Tell(msg with { Node = target }, Sender);
        return true;
    }

    /// <summary>A given name must be free on every member, not only here.</summary>
    bool CheckNameOnPeers(CreateContainer msg)
    {
        if (!Federated || msg.Config.Name is null)
        {
            return false;
        }

        var name = ContainerNames.Normalize(msg.Config.Name);
        var peers = LivePeers();
        var sender = Sender;
        if (OnLostPeer(name, peers.Select(p => p.Node)) is var (node, info) && info.Name == name)
        {
            Self.Tell(new NameChecked(msg, sender, new ContainerLocated(info.Id, node)));
            return true;
        }

        var self = Self;
        var timeout = _peerTimeout;
        _ = Task.Run(async () =>
        {
            var found = await LocateAsync(peers, name, timeout, nameOnly: true);
            self.Tell(new NameChecked(msg, sender, found?.Located));
        });
        return true;
    }

    void OnNameChecked(NameChecked msg)
    {
        if (msg.Owner is { } owner)
        {
            msg.ReplyTo.Tell(new CommandFailed(new ContainerError(ErrorKind.NameInUse, owner.ContainerId,
                $"the container name \"{ContainerNames.Normalize(msg.Create.Config.Name!)}\" is already in use by " +
                $"container {owner.ContainerId} on node {owner.Node}; remove that container to reuse the name")));
            return;
        }

        Create(msg.Create, msg.ReplyTo);
    }

    /// <summary>Every reachable member's rows, merged with this node's; members that do not answer are unknown.
    /// </summary>
    void ListFederated(ListContainers msg, List<ContainerInfo> local)
    {
        var peers = LivePeers();
        var sender = Sender;
        var self = Self;
        var timeout = _peerTimeout;
        _ = Task.Run(async () =>
        {
            var answers = await Task.WhenAll(peers.Select(async peer =>
            {
                try
                {
                    var list = await peer.Registry.Ask<ContainerList>(new PeerList(), timeout);
                    return (peer.Node, Rows: (IReadOnlyList<ContainerInfo>?)list.Containers);
                }
                catch (Exception)
                {
                    return (peer.Node, Rows: null);
                }
            }));
            self.Tell(new PeersListed(msg, sender, local, answers.ToList()));
        });
    }

    void OnPeersListed(PeersListed msg)
    {
        var answered = new HashSet<string>();
        foreach (var (node, peerRows) in msg.Answers.Where(a => a.Rows is not null))
        {
            _rowsByPeer[node] = peerRows!;
            answered.Add(node);
        }

        var unknown = _rowsByPeer.Where(p => !answered.Contains(p.Key) && p.Key != _deps.Node)
            .SelectMany(p => p.Value.Select(info => info with
            {
                Status = ContainerStatus.Unknown,
                LastKnownStatus = info.Status,
            }));
        var rows = msg.Local
            .Concat(_rowsByPeer.Where(p => answered.Contains(p.Key)).SelectMany(p => p.Value)
                .Where(info => msg.Request.All || info.Status is ContainerStatus.Running or ContainerStatus.Paused))
            .Concat(unknown)
            .OrderByDescending(info => info.CreatedAt)
            .ToList();
        msg.ReplyTo.Tell(new ContainerList(rows));
    }

    /// <summary>
    /// Members with their status ("unreachable" overrides the membership status); counts of other members come from
    /// their last reports. Members that left but whose containers are still remembered are listed as unreachable.
    /// </summary>
    List<NodeInfo> Nodes()
    {
        var state = _cluster.State;
        var members = state.Members.Select(m =>
        {
            var node = NodeOf(m) ?? m.Address.ToString();
            var status = state.Unreachable.Contains(m) ? "unreachable" : m.Status.ToString().ToLowerInvariant();
            var count = m.Address == _cluster.SelfAddress
                ? _infoById.Count
                : _rowsByPeer.GetValueOrDefault(node, []).Count;
            return new NodeInfo(node, m.Address.ToString(), m.Roles.Order(StringComparer.Ordinal).ToList(), status,
                count);
        }).ToList();
        var gone = _rowsByPeer.Keys.Where(node => members.All(m => m.Name != node))
            .Select(node => new NodeInfo(node, "", [], "unreachable", _rowsByPeer[node].Count));
        return [.. members.Concat(gone).OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every member tells the others of its containers' changes, so their last known state is fresh.</summary>
    void TellPeers(ContainerInfo info)
    {
        foreach (var (_, registry) in LivePeers())
        {
            registry.Tell(new PeerContainerChanged(_deps.Node, info));
        }
    }

    void OnPeerChanged(PeerContainerChanged msg)
    {
        var rows = _rowsByPeer.GetValueOrDefault(msg.Node, []).Where(r => r.Id != msg.Info.Id);
        _rowsByPeer[msg.Node] = msg.Info.Status == ContainerStatus.Removed ? rows.ToList() : [.. rows, msg.Info];
    }

    /// <summary>A located container's command, handed back from the lookup task to go through the region.</summary>
    sealed record Deliver(ContainerEnvelope Envelope, IActorRef ReplyTo);

    sealed record NameChecked(CreateContainer Create, IActorRef ReplyTo, ContainerLocated? Owner);

    sealed record PeersListed(ListContainers Request, IActorRef ReplyTo, List<ContainerInfo> Local,
        List<(string Node, IReadOnlyList<ContainerInfo>? Rows)> Answers);
}

/// <summary>Registry to registry: which container does this reference name here? Replies ContainerLocated.</summary>
public sealed record LocateContainer(string Reference, bool NameOnly = false);

/// <summary>The container a reference names, and its node.</summary>
public sealed record ContainerLocated(string ContainerId, string Node);

/// <summary>Registry to registry: every container of this node (a ContainerList), without asking the others.</summary>
public sealed record PeerList;

/// <summary>Registry to registry: a container of <paramref name="Node"/> changed (or was removed).</summary>
public sealed record PeerContainerChanged(string Node, ContainerInfo Info);

/// <summary>Registry to registry: which container owns this exec session here? Replies ContainerLocated.</summary>
public sealed record LocateExec(string ExecId);

