using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;

namespace ActorPod.Core.Decisions;

/// <summary>What a user's restart does in each state: stop-then-start when running, start when not.</summary>
public static class RestartDecisions
{
    public static Decision Decide(ContainerState state, RestartContainer command) => state.Status switch
    {
        // A frozen process cannot handle the stop signal; podman and Docker refuse too.
        ContainerStatus.Paused => ContainerDecisions.Wrong(state, "restart",
            "running, created, initialized or exited", "unpause it first"),
        ContainerStatus.Running => ContainerDecisions.Decide(state,
                new StopContainer(state.Id, command.TimeoutSeconds)) switch
            {
                Perform { Effect: StopEffect stop } => new Perform(new RestartEffect(stop)),
                var other => other,
            },
        ContainerStatus.Configured or ContainerStatus.Created or ContainerStatus.Stopped =>
            ContainerDecisions.Decide(state, new StartContainer(state.Id)),
        _ => ContainerDecisions.Wrong(state, "restart", "running, created, initialized or exited"),
    };
}
