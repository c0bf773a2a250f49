namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>True while exec sessions of this container run; unmount and cleanup refuse then.</summary>
    // TODO: issue 3 (exec sessions) owns the session children; until it is wired here this says none are live.
    bool HasLiveExecSessions() => false;
}
