namespace ActorPod.Messages.Sharding;

/// <summary>
/// A message for one container, addressed through the cluster's shard region of containers
/// (<see cref="ContainerSharding.TypeName"/>). The shard is the node that runs the container and the entity is the
/// container, so both must be known: a container never moves, and its node is in every <c>ContainerInfo</c>,
/// <c>CreateSucceeded</c>'s caller knows where it asked, and <c>node ls</c> lists the nodes.
/// </summary>
/// <param name="Node">The node that runs the container (its shard id), as in <c>ContainerInfo.Node</c>.</param>
/// <param name="ContainerId">The container's full 64-character id (its entity id); names and prefixes are resolved
/// by a daemon's registry, not by the region.</param>
/// <param name="Message">The command, for example <c>StartContainer</c> or <c>InspectContainer</c>, whose own
/// <c>ContainerId</c> is the same full id. The container answers the sender with a typed reply.</param>
public sealed record ContainerEnvelope(string Node, string ContainerId, object Message);

/// <summary>Names every member of the container shard region must agree on.</summary>
public static class ContainerSharding
{
    /// <summary>The shard region's type name, for <c>ClusterSharding.StartProxy</c>.</summary>
    public const string TypeName = "container";

    /// <summary>
    /// The role of the members that host the region (every daemon has it). A proxy names it so that it asks the
    /// daemons' shard coordinator; a client must not have it itself, or the coordinator could be expected there.
    /// </summary>
    public const string Role = "actorpod";
}
