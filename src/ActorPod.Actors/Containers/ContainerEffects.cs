using ActorPod.Core.Decisions;
using ActorPod.Core.Errors;
using ActorPod.Core.State;
using ActorPod.Messages.Events;
using ActorPod.Messages.Replies;
using ActorPod.Oci;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

/// <summary>
/// The runtime and storage work behind each effect. Runs on the thread pool with an immutable copy of the state
/// and never touches the actor; what it did comes back as events, what failed as an error.
/// </summary>
static class ContainerEffects
{
    public static async Task<EffectCompleted> RunAsync(
        Effect effect, ContainerState state, ContainerDependencies deps, IActorRef replyTo)
    {
        var events = new List<IContainerEvent>();
        try
        {
            await RunAsync(effect, state, deps, events);
            return new EffectCompleted(effect, events, null, replyTo);
        }
        catch (Exception ex)
        {
            var error = ex is ActorPodException ape
                ? ape.Error
                : ContainerError.RuntimeFailed(state.Id,
                    $"container {state.Id}: {effect.Command} failed: {ex.Message}");
            return new EffectCompleted(effect, events, error, replyTo);
        }
    }

    static async Task RunAsync(Effect effect, ContainerState state, ContainerDependencies deps,
        List<IContainerEvent> events)
    {
        var ct = CancellationToken.None;
        var id = state.Id;
        switch (effect)
        {
            case InitEffect init:
                events.Add(await InitAsync(state, deps, init.CleanupFirst, ct));
                break;
            case StartEffect start:
                var pid = state.Pid;
                if (start.InitFirst)
                {
                    var initialized = await InitAsync(state, deps, start.CleanupFirst, ct);
                    events.Add(initialized);
                    pid = initialized.Pid;
                }

                await deps.Runtime.StartAsync(id, ct);
                events.Add(new ContainerStarted(id, pid, DateTimeOffset.UtcNow));
                break;
            case KillEffect kill:
                await deps.Runtime.KillAsync(id, kill.Signal, ct);
                events.Add(new ContainerKilled(id, kill.Signal, DateTimeOffset.UtcNow));
                break;
            case PauseEffect:
                await deps.Runtime.PauseAsync(id, ct);
                events.Add(new ContainerPaused(id, DateTimeOffset.UtcNow));
                break;
            case UnpauseEffect:
                await deps.Runtime.ResumeAsync(id, ct);
                events.Add(new ContainerUnpaused(id, DateTimeOffset.UtcNow));
                break;
            case CleanupEffect:
                await deps.Runtime.DeleteAsync(id, ct);
                await deps.Storage.UnmountAsync(id, force: true, ct);
                break;
            case UnmountEffect:
                await deps.Storage.UnmountAsync(id, force: false, ct);
                break;
            case RemoveEffect:
                await deps.Runtime.DeleteAsync(id, ct);
                await deps.Storage.RemoveAsync(id, ct);
                events.Add(new ContainerRemoved(id, DateTimeOffset.UtcNow));
                break;
            default:
                throw new InvalidOperationException($"container {id}: no runner for effect {effect.Command}");
        }
    }

    static async Task<ContainerInitialized> InitAsync(ContainerState state, ContainerDependencies deps,
        bool cleanupFirst, CancellationToken ct)
    {
        var id = state.Id;
        if (cleanupFirst)
        {
            await deps.Runtime.DeleteAsync(id, ct);
        }

        // Taken before the runtime container exists, so that no exit of this run can predate it.
        var since = DateTimeOffset.UtcNow;
        var image = deps.Images.Find(state.Spec!.ImageId) ?? throw new ActorPodException(
            new ContainerError(ErrorKind.NotFound, id,
                $"container {id}: its image {state.Spec.Image} ({state.Spec.ImageId}) is no longer in the store"));

        var rootfs = await deps.Storage.MountAsync(id, image, ct);
        var created = await deps.Runtime.CreateAsync(
            new RuntimeCreateRequest(id, state.Spec, rootfs, deps.Storage.ContainerDirectory(id)), ct);
        return new ContainerInitialized(id, created.Pid, created.BundlePath, created.LogPath, since);
    }
}
