namespace ActorPod.Messages.Notifications;

/// <summary>
/// One journaled container event as cluster subscribers receive it: every node publishes its containers' events
/// on the distributed pub-sub topic <see cref="ContainerTopics.Events"/>. Flat on purpose, so that a member that
/// knows only this assembly can read it without the journal's event types.
/// </summary>
/// <param name="ContainerId">The container's full id.</param>
/// <param name="Name">The container's name.</param>
/// <param name="Image">The image the container was created from.</param>
/// <param name="Node">The cluster node that runs the container.</param>
/// <param name="Kind">The event's stable name, as in the journal: <c>container-started</c>,
/// <c>container-exited</c>, <c>container-removed</c>, ...</param>
/// <param name="ExitCode">The process's exit code, for <c>container-exited</c> only.</param>
/// <param name="At">When the event happened.</param>
public sealed record ContainerEventNotice(
    string ContainerId, string Name, string Image, string Node, string Kind, int? ExitCode, DateTimeOffset At);

/// <summary>The distributed pub-sub topics ActorPod nodes publish on.</summary>
public static class ContainerTopics
{
    /// <summary>Every container event of every node, as <see cref="ContainerEventNotice"/>.</summary>
    public const string Events = "actorpod.container-events";
}
