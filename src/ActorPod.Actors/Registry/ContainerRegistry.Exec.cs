using ActorPod.Actors.Exec;
using ActorPod.Core.Naming;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Registry;

/// <summary>
/// Exec commands name a session, not a container. Containers tell the registry which sessions are theirs
/// (<see cref="ExecKnown"/>, on creation and after recovery), so the registry routes by a map kept in memory: it
/// needs no journal of its own, because every container reports its sessions again when it recovers.
/// </summary>
public sealed partial class ContainerRegistry
{
    readonly Dictionary<string, string> _containerByExec = [];

    void ExecRouting()
    {
        Command<ExecKnown>(msg => _containerByExec[msg.ExecId] = msg.ContainerId);
        Command<IExecCommand>(command => OnExecCommand(command));
        Command<LocateExec>(msg => Sender.Tell(ResolveExec(msg.ExecId) is { } id
            ? new ContainerLocated(id, _deps.Node)
            : new CommandFailed(ContainerError.NotFound(msg.ExecId, "exec instance"))));
    }

    void OnExecCommand(IExecCommand command)
    {
        var containerId = ResolveExec(command.ExecId);
        if (containerId is null)
        {
            // A recovering container may not have reported its sessions yet.
            if (_recovering.Count > 0)
            {
                Stash.Stash();
                return;
            }

            if (Federated)
            {
                RouteExecToPeers(command);
                return;
            }

            Sender.Tell(new CommandFailed(ContainerError.NotFound(command.ExecId, "exec instance")));
            return;
        }

        ToContainer(containerId, command, Sender);
    }

    string? ResolveExec(string reference)
    {
        if (_containerByExec.TryGetValue(reference, out var id))
        {
            return id;
        }

        var matches = reference.Length > 0 && ContainerIds.IsHex(reference)
            ? _containerByExec.Where(e => e.Key.StartsWith(reference, StringComparison.Ordinal)).Take(2).ToList()
            : [];
        return matches.Count == 1 ? matches[0].Value : null;
    }

    void ForgetExecsOf(string containerId)
    {
        foreach (var execId in _containerByExec.Where(e => e.Value == containerId).Select(e => e.Key).ToList())
        {
            _containerByExec.Remove(execId);
        }
    }
}
