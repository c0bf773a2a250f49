using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Core.Decisions;

/// <summary>
/// Which commands a container accepts in which state, and what they require of the runtime. Pure: no actor, no
/// I/O, so every rule is tested on its own and the actor only carries decisions out.
/// </summary>
public static class ContainerDecisions
{
    public static Decision Decide(ContainerState state, IContainerCommand command)
    {
        if (!state.Exists)
        {
            return new Refuse(ContainerError.NotFound(command.ContainerId));
        }

        return command switch
        {
            InitContainer => DecideInit(state),
            StartContainer => DecideStart(state),
            StopContainer c => DecideStop(state, c),
            KillContainer c => DecideKill(state, c),
            PauseContainer => DecidePause(state),
            UnpauseContainer => DecideUnpause(state),
            RemoveContainer c => DecideRemove(state, c),
            RestartContainer c => RestartDecisions.Decide(state, c),
            _ => new Refuse(ContainerError.InvalidArgument(state.Id,
                $"container {state.Id}: {command.GetType().Name} is not a lifecycle command")),
        };
    }

    static Decision DecideInit(ContainerState state) => state.Status switch
    {
        ContainerStatus.Configured => new Perform(new InitEffect(CleanupFirst: false)),
        ContainerStatus.Stopped => new Perform(new InitEffect(CleanupFirst: true)),
        _ => Wrong(state, "init", "created or exited"),
    };

    static Decision DecideStart(ContainerState state) => state.Status switch
    {
        ContainerStatus.Configured => new Perform(new StartEffect(InitFirst: true, CleanupFirst: false)),
        ContainerStatus.Created => new Perform(new StartEffect(InitFirst: false, CleanupFirst: false)),
        ContainerStatus.Stopped => new Perform(new StartEffect(InitFirst: true, CleanupFirst: true)),
        ContainerStatus.Running => new AlreadyDone("start"),
        ContainerStatus.Paused => Wrong(state, "start", "created, initialized or exited", "unpause it instead"),
        _ => Wrong(state, "start", "created, initialized or exited"),
    };

    static Decision DecideStop(ContainerState state, StopContainer command)
    {
        var signalName = command.Signal ?? state.Spec!.StopSignal;
        if (!Signals.TryParse(signalName, out var signal))
        {
            return new Refuse(BadSignal(state, signalName));
        }

        var timeout = command.TimeoutSeconds ?? state.Spec!.StopTimeout;
        if (timeout < -1)
        {
            return new Refuse(ContainerError.InvalidArgument(state.Id,
                $"container {state.Id}: stop timeout must be -1 (wait forever) or more, not {timeout}"));
        }

        return state.Status switch
        {
            ContainerStatus.Running => new Perform(new StopEffect(signal, timeout, ThawFirst: false)),
            ContainerStatus.Paused => new Perform(new StopEffect(signal, timeout, ThawFirst: true)),
            ContainerStatus.Configured or ContainerStatus.Created or ContainerStatus.Stopped => new AlreadyDone("stop"),
            _ => Wrong(state, "stop", "running or paused"),
        };
    }

    static Decision DecideKill(ContainerState state, KillContainer command)
    {
        if (!Signals.TryParse(command.Signal, out var signal))
        {
            return new Refuse(BadSignal(state, command.Signal));
        }

        return state.Status is ContainerStatus.Running or ContainerStatus.Paused
            ? new Perform(new KillEffect(signal))
            : Wrong(state, "kill", "running or paused");
    }

    static Decision DecidePause(ContainerState state) => state.Status == ContainerStatus.Running
        ? new Perform(new PauseEffect())
        : Wrong(state, "pause", "running");

    static Decision DecideUnpause(ContainerState state) => state.Status == ContainerStatus.Paused
        ? new Perform(new UnpauseEffect())
        : Wrong(state, "unpause", "paused");

    static Decision DecideRemove(ContainerState state, RemoveContainer command) => state.Status switch
    {
        ContainerStatus.Configured or ContainerStatus.Created or ContainerStatus.Stopped or ContainerStatus.Removing
            => new Perform(new RemoveEffect(KillFirst: state.Status == ContainerStatus.Created, ThawFirst: false)),
        ContainerStatus.Running or ContainerStatus.Paused when command.Force
            => new Perform(new RemoveEffect(KillFirst: true, ThawFirst: state.Status == ContainerStatus.Paused)),
        ContainerStatus.Running or ContainerStatus.Paused => new Refuse(new ContainerError(ErrorKind.InvalidState,
            state.Id, $"cannot remove container {state.Id}: it is {StatusNames.Podman(state.Status)}; " +
            "stop it first or force the removal")),
        _ => Wrong(state, "remove", "created, initialized or exited"),
    };

    internal static Refuse Wrong(ContainerState state, string verb, string expected, string? hint = null)
    {
        var message = $"cannot {verb} container {state.Id}: it is {StatusNames.Podman(state.Status)}, not {expected}";
        return new Refuse(new ContainerError(ErrorKind.InvalidState, state.Id,
            hint is null ? message : $"{message}; {hint}"));
    }

    static ContainerError BadSignal(ContainerState state, string signal) =>
        ContainerError.InvalidArgument(state.Id, $"container {state.Id}: invalid signal: {signal}");
}
