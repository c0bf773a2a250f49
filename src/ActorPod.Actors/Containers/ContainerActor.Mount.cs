using ActorPod.Core.Decisions;
using ActorPod.Core.Errors;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    void StorageCommands()
    {
        Command<MountContainer>(OnMount);
        Command<UnmountContainer>(msg => OnStorageDecision(StorageDecisions.DecideUnmount(_state,
            HasLiveExecSessions())));
        Command<CleanupContainer>(msg => OnStorageDecision(StorageDecisions.DecideCleanup(_state,
            HasLiveExecSessions())));
    }

    /// <summary>
    /// Mounting changes no journaled state (mounts are counted in memory by the storage), so it is answered by the
    /// mount task itself; the storage's own lock keeps counts and the kernel in step.
    /// </summary>
    void OnMount(MountContainer msg)
    {
        if (!_state.Exists)
        {
            Sender.Tell(new CommandFailed(ContainerError.NotFound(msg.ContainerId)));
            return;
        }

        if (StorageDecisions.CheckMount(_state) is { } refuse)
        {
            Sender.Tell(new CommandFailed(refuse.Error));
            return;
        }

        var id = Id;
        var spec = _state.Spec!;
        var deps = _deps;
        var live = _state.Status is ContainerStatus.Running or ContainerStatus.Paused;
        MountAsync(id, spec, deps).PipeTo(Sender, success: path => new ContainerMounted(id, path, live),
            failure: ex => new CommandFailed(AsError(id, ex)));
    }

    static async Task<string> MountAsync(string id, ContainerSpec spec, ContainerDependencies deps)
    {
        var image = deps.Images.Find(spec.ImageId) ?? throw new ActorPodException(new ContainerError(
            ErrorKind.NotFound, id, $"cannot mount container {id}: its image {spec.Image} is no longer in the store"));
        return await deps.Storage.MountAsync(id, image, CancellationToken.None);
    }

    void OnStorageDecision(Decision decision)
    {
        switch (decision)
        {
            case Refuse refuse:
                Sender.Tell(new CommandFailed(refuse.Error));
                break;
            case Perform perform:
                Begin(perform.Effect, Sender);
                break;
        }
    }
}
