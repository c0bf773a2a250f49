using ActorPod.Core.State;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using static ActorPod.Core.Tests.TestStates;

namespace ActorPod.Core.Tests;

public class ExecTransitionsTests
{
    const string ExecId = "e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0";

    static ExecSessionStarted Started(string execId = ExecId) => new(Id, execId, ["sh"], 99, T0);

    [Theory]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Paused)]
    public void A_started_session_is_live_and_leaves_the_status_alone(ContainerStatus status)
    {
        var state = ContainerTransitions.Apply(In(status), Started());

        Assert.Equal(status, state.Status);
        Assert.Equal([ExecId], state.ExecIds);
    }

    [Theory]
    [InlineData(ContainerStatus.Configured)]
    [InlineData(ContainerStatus.Created)]
    [InlineData(ContainerStatus.Stopped)]
    public void A_session_cannot_start_in_a_container_that_is_not_running(ContainerStatus status)
    {
        Assert.Throws<InvalidTransitionException>(() => ContainerTransitions.Apply(In(status), Started()));
    }

    [Fact]
    public void An_ended_session_is_no_longer_live_even_after_its_container_stopped()
    {
        var state = ContainerTransitions.Apply(In(ContainerStatus.Running), Started());
        state = ContainerTransitions.Apply(state, new ContainerExited(Id, 0, T0));

        state = ContainerTransitions.Apply(state, new ExecSessionEnded(Id, ExecId, -1, T0, "closed"));

        Assert.Empty(state.ExecIds);
        Assert.Equal(ContainerStatus.Stopped, state.Status);
    }
}
