using ActorPod.Core.Decisions;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Oci;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

/// <summary>Sent by the registry to a new container actor: persist the container's creation.</summary>
public sealed record ConfigureContainer(string ContainerId, string Name, ContainerSpec Spec);

/// <summary>conmon reported an exit (from the exit watcher or from reconciliation).</summary>
public sealed record ContainerProcessExited(RuntimeExit Exit, string? Error = null);

/// <summary>A container tells its registry what it looks like now, after every journaled change.</summary>
public sealed record ContainerChanged(ContainerInfo Info);

/// <summary>A container tells its registry it has been removed; the registry frees its name.</summary>
/// <summary>A container saved a snapshot: its registry journals that it has one.</summary>
public sealed record ContainerSnapshotSaved(string ContainerId);

public sealed record ContainerGone(string ContainerId, string Name);

/// <summary>The outcome of an effect that ran off the mailbox; piped back to the container actor.</summary>
internal sealed record EffectCompleted(
    Effect Effect, IReadOnlyList<IContainerEvent> Events, ContainerError? Error, IActorRef ReplyTo);

/// <summary>The stop timeout elapsed without an exit: time for SIGKILL.</summary>
internal sealed record StopTimeoutElapsed(long Generation);

/// <summary>SIGKILL was sent long ago and no exit came: ask the runtime what happened.</summary>
internal sealed record ExitOverdue(long Generation);

/// <summary>A signal sent during a stop failed.</summary>
internal sealed record SignalFailed(ContainerError Error);

/// <summary>
/// Sent by the registry to a container it knows of, before anything else, when the container's actor may not run
/// yet (after the registry's recovery, or on first use after a clean start): the entity recovers, and says it is
/// gone if its journal holds no container.
/// </summary>
public sealed record WakeContainer;

/// <summary>
/// A command the node's registry has checked (name resolved, dependencies, not shutting down) or that the container
/// gives itself. Commands that reach the entity any other way, from another node or a shard region proxy, are sent
/// to the registry for these checks first, as <see cref="VetCommand"/>.
/// </summary>
public sealed record VettedCommand(Messages.Commands.IContainerCommand Command);

/// <summary>A container asks its registry to check a command that arrived through the region; the original sender
/// rides along, so the refusal or the container's reply goes straight to it.</summary>
public sealed record VetCommand(Messages.Commands.IContainerCommand Command);
