using ActorPod.Core.Decisions;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>
    /// The stop half of a user's restart is journaled (exit included); the start half runs now. The reply names
    /// the restart, and StopRequested is cleared by the start, so the policy sees a container a user wants running.
    /// </summary>
    void ContinueRestart(Operation operation)
    {
        _operation = operation with { AwaitingExit = false };
        var restart = operation.Effect;
        var state = _state;
        var deps = _deps;
        var replyTo = operation.ReplyTo;
        ContainerEffects.RunAsync(new StartEffect(InitFirst: true, CleanupFirst: true), state, deps, replyTo)
            .ContinueWith(t => t.Result with { Effect = restart }, TaskContinuationOptions.ExecuteSynchronously)
            .PipeTo(Self);
    }
}
