using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Persistence;

namespace ActorPod.Actors.Registry;

/// <summary>
/// Clean shutdown and fast start. At a clean shutdown the registry writes a <see cref="RegistrySnapshot"/> and
/// refuses further commands; the next start lists from that snapshot at once and recovers only containers that
/// have something to reconcile (a process, a pending restart or removal, a policy that starts them at boot). The
/// others get their actor when a command first reaches them: with nothing running, nothing about them can have
/// changed while the daemon was down. After a crash there is no such snapshot and every container recovers.
/// </summary>
public sealed partial class ContainerRegistry
{
    /// <summary>Asks the registry to write its clean-shutdown snapshot; answered with <see cref="RegistryClosed"/>.
    /// </summary>
    public sealed record CloseRegistry;

    /// <summary>The registry refuses commands from now on; Saved is false when no snapshot could be written.</summary>
    public sealed record RegistryClosed(bool Saved);

    // Set when a clean snapshot was loaded and nothing was journaled after it.
    bool _cleanStart;

    // Until the loaded snapshot is deleted, commands wait: a crash before that must not find it again.
    bool _snapshotPending;

    bool _closed;

    IActorRef? _closeReplyTo;

    void CleanStartRecovery()
    {
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is not RegistrySnapshot snapshot)
            {
                return;
            }

            foreach (var registered in snapshot.Names)
            {
                Register(registered);
            }

            foreach (var row in snapshot.Rows.Where(r => _namesById.ContainsKey(r.Id)))
            {
                _infoById[row.Id] = row with { Busy = false };
            }

            foreach (var id in snapshot.Snapshotted ?? [])
            {
                _deps.Snapshots.Add(id);
            }

            _cleanStart = true;
        });
    }

    void CleanStartCommands()
    {
        Command<CloseRegistry>(_ => OnClose());
        Command<SaveSnapshotSuccess>(_ => AnswerClose(saved: true));
        Command<SaveSnapshotFailure>(failure =>
        {
            _log.Warning("Registry of node {Node}: clean-shutdown snapshot failed: {Reason}", _deps.Node,
                failure.Cause.Message);
            AnswerClose(saved: false);
        });
        Command<DeleteSnapshotsSuccess>(_ => SnapshotConsumed());
        Command<DeleteSnapshotsFailure>(failure =>
        {
            _log.Warning("Registry of node {Node}: could not delete the clean-shutdown snapshot it started from " +
                "({Reason}); a crash now would list from it", _deps.Node, failure.Cause.Message);
            SnapshotConsumed();
        });
    }

    /// <summary>Any registry event journaled after the snapshot means it no longer tells the whole truth.</summary>
    void NotCleanAnyMore() => _cleanStart = false;

    /// <summary>Which containers need their actor now, after a clean start; the rest wait for a command.</summary>
    static bool NeedsActorAtStart(ContainerInfo row) =>
        row.Status is not (ContainerStatus.Configured or ContainerStatus.Stopped)
        || row.Restarting
        || row.Spec.RestartPolicy.Name != RestartPolicy.No.Name
        || row.Spec.AutoRemove;

    /// <summary>Returns the ids to recover now: all of them unless the start is clean.</summary>
    IEnumerable<string> IdsToRecoverNow()
    {
        if (!_cleanStart || _infoById.Count != _namesById.Count)
        {
            _infoById.Clear();
            return _namesById.Keys;
        }

        _snapshotPending = true;
        DeleteSnapshots(new SnapshotSelectionCriteria(LastSequenceNr));
        return _infoById.Values.Where(NeedsActorAtStart).Select(row => row.Id).ToList();
    }

    void SnapshotConsumed()
    {
        if (!_snapshotPending)
        {
            return;
        }

        _snapshotPending = false;
        Stash.UnstashAll();
    }

    /// <summary>True (and the message stashed) while the start-up snapshot is not deleted yet.</summary>
    bool WaitingForSnapshotDeletion()
    {
        if (_snapshotPending)
        {
            Stash.Stash();
        }

        return _snapshotPending;
    }

    /// <summary>Refuses what would change containers once the registry has closed for shutdown.</summary>
    bool RefusedBecauseClosed(string? containerId, string command)
    {
        if (!_closed)
        {
            return false;
        }

        Sender.Tell(new CommandFailed(new ContainerError(ErrorKind.RuntimeFailed, containerId,
            $"cannot {command}: the daemon on node {_deps.Node} is shutting down")));
        return true;
    }

    void OnClose()
    {
        if (_closed || _recovering.Count > 0 || _snapshotPending)
        {
            // Rows incomplete (or already closed): no snapshot, so the next start recovers every container.
            _closed = true;
            Sender.Tell(new RegistryClosed(Saved: false));
            return;
        }

        _closed = true;
        _closeReplyTo = Sender;
        var names = _namesById.Select(pair => new ContainerRegistered(pair.Key, pair.Value, _deps.Node,
            DateTimeOffset.UtcNow)).ToList();
        SaveSnapshot(new RegistrySnapshot(names, _infoById.Values.ToList(), _deps.Snapshots.Ids));
    }

    void AnswerClose(bool saved)
    {
        _closeReplyTo?.Tell(new RegistryClosed(saved));
        _closeReplyTo = null;
        if (saved)
        {
            _log.Info("Registry of node {Node} closed with a clean snapshot of {Count} containers", _deps.Node,
                _infoById.Count);
        }
    }
}
