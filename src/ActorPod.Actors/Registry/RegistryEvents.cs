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
