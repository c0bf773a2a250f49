namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>True while exec sessions of this container are open (journaled as started, not yet ended);
    /// unmount and cleanup refuse then.</summary>
    bool HasLiveExecSessions() => _state.ExecIds.Count > 0;
}
