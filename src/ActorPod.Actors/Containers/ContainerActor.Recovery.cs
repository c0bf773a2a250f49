using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Oci;
using Akka.Actor;
using Akka.Persistence;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    void Recovering()
    {
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is ContainerState snapshot)
            {
                _state = snapshot;
            }
        });
        Recover<IContainerEvent>(evt =>
        {
            _state = ContainerTransitions.Apply(_state, evt);
            RememberExec(evt);
        });
    }

    /// <summary>
    /// After recovery the journal says what the container was; the runtime says what it is now. A container that
    /// exited while the supervisor was down gets its real exit code from conmon's exit file; one whose conmon is
    /// gone too is marked stopped with the reason, never left "running".
    /// </summary>
    protected override void OnReplaySuccess()
    {
        if (!OnOwnNode())
        {
            BecomeForeign();
            return;
        }

        if (!_state.Exists)
        {
            // A new container (its ConfigureContainer is next), or one the registry wakes to find it was never
            // created (WakeContainer tells it so), or a stray message for an unknown id: given up if nothing comes.
            Timers.StartSingleTimer("empty", new GiveUpIfEmpty(), EmptyPatience);
            return;
        }

        // Sessions first: the registry answers exec commands held for recovery once this container has reported.
        ReconcileExecs();
        _registry.Tell(new ContainerChanged(ContainerInfoMapper.ToInfo(_state, _deps.Node, busy: false)));
        if (_state.Status == ContainerStatus.Removing)
        {
            // Its own decision, journaled before the crash: not vetted again by the registry.
            Self.Tell(new VettedCommand(new RemoveContainer(Id, Force: true)), ActorRefs.Nobody);
            return;
        }

        if (IsLive())
        {
            var directory = _deps.Storage.ContainerDirectory(Id);
            ReconcileAsync(Id, _deps.Runtime, directory).PipeTo(Self);
            return;
        }

        Self.Tell(new BootStartDue());
    }

    static async Task<object> ReconcileAsync(string id, IContainerRuntime runtime, string directory)
    {
        var exit = await ReconcileExitAsync(id, runtime);
        if (exit is not null)
        {
            return exit;
        }

        return ConmonGone(directory) ? new OrphanFound() : Akka.NotUsed.Instance;
    }

    static async Task<ContainerProcessExited?> ReconcileExitAsync(string id, IContainerRuntime runtime)
    {
        var exit = runtime.ReadExit(id);
        if (exit is not null)
        {
            return new ContainerProcessExited(exit);
        }

        var status = await runtime.StateAsync(id, CancellationToken.None);
        return status is null || status.Status == "stopped"
            ? new ContainerProcessExited(LostExit(id), "the container and its conmon vanished while the supervisor "
                + "was down; the exit code is unknown")
            : null;
    }
}
