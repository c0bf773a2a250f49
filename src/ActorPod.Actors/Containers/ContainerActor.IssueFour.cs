namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>Recovery found nothing left to reconcile: the restart policy may bring the container back.</summary>
    sealed record BootStartDue;

    /// <summary>Reconciliation found the container running with its conmon gone.</summary>
    sealed record OrphanFound;

    /// <summary>
    /// The handlers of restart policies, storage, artifacts and orphans; registered in Idle before the generic
    /// lifecycle handler, so they see their commands first. Busy stashes them all.
    /// </summary>
    void IssueFourCommands()
    {
        PolicyRestartCommands();
        StorageCommands();
        ArtifactCommands();
        OrphanCommands();
        OrphanReplies();
        Command<BootStartDue>(_ => MaybeStartAtBoot());
        Command<OrphanFound>(_ => WatchOrphan());
        Command<Akka.NotUsed>(_ => MaybeStartAtBoot());
    }
}
