using ActorPod.Messages.Model;

namespace ActorPod.Actors.Registry;

/// <summary>An event of the container registry's journal; a stable, durable format like container events.</summary>
public interface IRegistryEvent
{
    string ContainerId { get; }
}

/// <summary>A container id and name were taken on a node.</summary>
public sealed record ContainerRegistered(string ContainerId, string Name, string Node, DateTimeOffset At)
    : IRegistryEvent;

/// <summary>A removed container gave its name back.</summary>
public sealed record ContainerUnregistered(string ContainerId, DateTimeOffset At) : IRegistryEvent;

/// <summary>A container saved a snapshot; the others recover without asking the snapshot store.</summary>
public sealed record ContainerSnapshotted(string ContainerId, DateTimeOffset At) : IRegistryEvent;

/// <summary>
/// The registry as it was when its daemon stopped cleanly: every registration and every container's last row.
/// Written only at a clean shutdown and deleted once loaded, so that its presence means nothing changed since:
/// the next start lists from it and recovers only the containers that have something to reconcile.
/// </summary>
/// <param name="Snapshotted">The containers with a snapshot (null in snapshots written before it was kept).</param>
public sealed record RegistrySnapshot(IReadOnlyList<ContainerRegistered> Names, IReadOnlyList<ContainerInfo> Rows,
    IReadOnlyList<string>? Snapshotted = null);
