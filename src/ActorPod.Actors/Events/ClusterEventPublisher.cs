using ActorPod.Actors.Serialization;
using ActorPod.Messages.Events;
using ActorPod.Messages.Notifications;
using Akka.Cluster.Tools.PublishSubscribe;

namespace ActorPod.Actors.Events;

/// <summary>
/// Republishes this node's container events on the cluster's distributed pub-sub topic
/// <see cref="ContainerTopics.Events"/>, where any member (another daemon, or a system that knows only
/// ActorPod.Messages) can subscribe. Each node publishes only what its own containers journaled.
/// </summary>
public sealed class ClusterEventPublisher : ReceiveActor
{
    readonly IActorRef _mediator = DistributedPubSub.Get(Context.System).Mediator;

    public ClusterEventPublisher(string node)
    {
        Receive<ContainerEventPublished>(published =>
            _mediator.Tell(new Publish(ContainerTopics.Events, ToNotice(published, node))));
    }

    public static Props Props(string node) => Akka.Actor.Props.Create(() => new ClusterEventPublisher(node));

    /// <summary>The flat shape subscribers read: the journal's stable name for the event's kind.</summary>
    public static ContainerEventNotice ToNotice(ContainerEventPublished published, string node)
    {
        var evt = published.Event;
        var exitCode = evt is ContainerExited exited ? exited.ExitCode : (int?)null;
        return new ContainerEventNotice(evt.ContainerId, published.Name, published.Image, node,
            JournalManifests.ManifestOf(evt.GetType()), exitCode, evt.At);
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ContainerEventPublished));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}
