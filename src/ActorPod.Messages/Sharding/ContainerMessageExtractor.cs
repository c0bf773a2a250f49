using Akka.Cluster.Sharding;

namespace ActorPod.Messages.Sharding;

/// <summary>
/// Takes <see cref="ContainerEnvelope"/> apart for the shard region: shard id = node, entity id = container id.
/// Daemons and proxies must use the same extractor. Anything that is not an envelope is not routed (null).
/// </summary>
public sealed class ContainerMessageExtractor : IMessageExtractor
{
    /// <summary>One instance is enough: the extractor has no state.</summary>
    public static ContainerMessageExtractor Instance { get; } = new();

    /// <inheritdoc />
    public string? EntityId(object message) => (message as ContainerEnvelope)?.ContainerId;

    /// <inheritdoc />
    public object? EntityMessage(object message) => (message as ContainerEnvelope)?.Message;

    /// <inheritdoc />
    public string? ShardId(object message) => (message as ContainerEnvelope)?.Node;

    /// <summary>
    /// The shard of an entity known only by id: a container id does not say its node, so only an envelope (the
    /// hint) can. Remember-entities is off, so the region asks this only for messages it was given.
    /// </summary>
    public string ShardId(string entityId, object? messageHint = null) =>
        (messageHint as ContainerEnvelope)?.Node ?? throw new NotSupportedException(
            $"the shard of container {entityId} is its node, which only a ContainerEnvelope names");
}
