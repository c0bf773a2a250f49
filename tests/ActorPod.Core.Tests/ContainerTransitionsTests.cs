using ActorPod.Core.State;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using static ActorPod.Core.Tests.TestStates;

namespace ActorPod.Core.Tests;

public class ContainerTransitionsTests
{
    /// <summary>The whole state machine, written out: every pair not listed here must be refused.</summary>
    public static readonly TheoryData<ContainerStatus, string, ContainerStatus> Allowed = new()
    {
        { ContainerStatus.Configured, "initialized", ContainerStatus.Created },
        { ContainerStatus.Stopped, "initialized", ContainerStatus.Created },
        { ContainerStatus.Created, "started", ContainerStatus.Running },
        { ContainerStatus.Running, "stop-requested", ContainerStatus.Running },
        { ContainerStatus.Paused, "stop-requested", ContainerStatus.Paused },
        { ContainerStatus.Running, "killed", ContainerStatus.Running },
        { ContainerStatus.Paused, "killed", ContainerStatus.Paused },
        { ContainerStatus.Running, "exited", ContainerStatus.Stopped },
        { ContainerStatus.Paused, "exited", ContainerStatus.Stopped },
        { ContainerStatus.Created, "exited", ContainerStatus.Stopped },
        { ContainerStatus.Running, "paused", ContainerStatus.Paused },
        { ContainerStatus.Paused, "unpaused", ContainerStatus.Running },
        { ContainerStatus.Configured, "removing", ContainerStatus.Removing },
        { ContainerStatus.Created, "removing", ContainerStatus.Removing },
        { ContainerStatus.Running, "removing", ContainerStatus.Removing },
        { ContainerStatus.Paused, "removing", ContainerStatus.Removing },
        { ContainerStatus.Stopped, "removing", ContainerStatus.Removing },
        { ContainerStatus.Removing, "removing", ContainerStatus.Removing },
        { ContainerStatus.Unknown, "removing", ContainerStatus.Removing },
        { ContainerStatus.Removing, "removed", ContainerStatus.Removed },
    };

    public static TheoryData<ContainerStatus, string> Disallowed()
    {
        var allowed = Allowed.Select(row => ((ContainerStatus)row[0], (string)row[1])).ToHashSet();
        var data = new TheoryData<ContainerStatus, string>();
        foreach (var status in AllStatuses)
        {
            foreach (var kind in EventKinds.Where(kind => !allowed.Contains((status, kind))))
            {
                data.Add(status, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Allowed_event_leads_to_the_expected_state(ContainerStatus from, string kind, ContainerStatus to)
    {
        var state = In(from);

        Assert.True(ContainerTransitions.IsAllowed(from, Event(kind)));
        Assert.Equal(to, ContainerTransitions.Apply(state, Event(kind)).Status);
    }

    [Theory]
    [MemberData(nameof(Disallowed))]
    public void Disallowed_event_throws_naming_the_container_and_its_state(ContainerStatus from, string kind)
    {
        var state = In(from);
        var evt = Event(kind);

        var ex = Assert.Throws<InvalidTransitionException>(() => ContainerTransitions.Apply(state, evt));

        Assert.Equal(
            $"container {Id}: event {evt.GetType().Name} cannot follow state {StatusNames.Podman(from)}", ex.Message);
    }

    [Fact]
    public void The_disallowed_table_covers_every_other_pair()
    {
        Assert.Equal(AllStatuses.Length * EventKinds.Length, Allowed.Count() + Disallowed().Count());
        Assert.Equal(8 * 9 - 20, Disallowed().Count());
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Apply_never_mutates_the_state_it_is_given(ContainerStatus from, string kind, ContainerStatus to)
    {
        var state = In(from);
        var copy = state with { };

        var next = ContainerTransitions.Apply(state, Event(kind));

        Assert.Equal(copy, state);
        Assert.Equal(from, state.Status);
        Assert.Equal(to, next.Status);
    }

    [Fact]
    public void Created_event_fills_name_spec_and_creation_time_of_an_empty_state()
    {
        var state = ContainerTransitions.Apply(Empty, Created());

        Assert.Equal(Id, state.Id);
        Assert.Equal("web", state.Name);
        Assert.Same(Spec, state.Spec);
        Assert.Equal(ContainerStatus.Configured, state.Status);
        Assert.Equal(T0, state.CreatedAt);
        Assert.True(state.Exists);
        Assert.Equal(0, state.Pid);
        Assert.Null(state.StartedAt);
        Assert.Null(state.FinishedAt);
    }

    [Fact]
    public void Empty_state_does_not_exist_and_refuses_every_event_but_creation()
    {
        Assert.False(Empty.Exists);
        foreach (var kind in EventKinds)
        {
            Assert.Throws<InvalidTransitionException>(() => ContainerTransitions.Apply(Empty, Event(kind)));
        }
    }

    [Theory]
    [InlineData(ContainerStatus.Configured)]
    [InlineData(ContainerStatus.Created)]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Paused)]
    [InlineData(ContainerStatus.Stopped)]
    [InlineData(ContainerStatus.Removing)]
    [InlineData(ContainerStatus.Unknown)]
    public void Created_event_for_an_existing_container_is_refused(ContainerStatus status)
    {
        var state = In(status);

        var ex = Assert.Throws<InvalidTransitionException>(() => ContainerTransitions.Apply(state, Created()));

        Assert.Contains(Id, ex.Message);
        Assert.Contains($"ContainerCreated cannot follow state {StatusNames.Podman(status)}", ex.Message);
        Assert.False(ContainerTransitions.IsAllowed(status, Created()));
    }

    [Fact]
    public void Initialized_event_records_pid_bundle_and_log_paths_but_no_start_time()
    {
        var state = ContainerTransitions.Apply(In(ContainerStatus.Configured), Initialized(pid: 777));

        Assert.Equal(ContainerStatus.Created, state.Status);
        Assert.Equal(777, state.Pid);
        Assert.Equal($"/var/lib/actorpod/{Id}/bundle", state.BundlePath);
        Assert.Equal($"/var/lib/actorpod/{Id}/ctr.log", state.LogPath);
        Assert.Null(state.StartedAt);
    }

    [Fact]
    public void Started_event_records_pid_and_start_time()
    {
        var at = T0.AddMinutes(1);

        var state = ContainerTransitions.Apply(In(ContainerStatus.Created), new ContainerStarted(Id, 9001, at));

        Assert.Equal(ContainerStatus.Running, state.Status);
        Assert.Equal(9001, state.Pid);
        Assert.Equal(at, state.StartedAt);
    }

    [Fact]
    public void Restart_clears_the_stop_request_and_the_previous_error()
    {
        var stopped = ContainerTransitions.Apply(
            ContainerTransitions.Apply(In(ContainerStatus.Running), Event("stop-requested")),
            new ContainerExited(Id, 137, T0.AddMinutes(1), "conmon vanished"));
        Assert.True(stopped.StopRequested);
        Assert.Equal("conmon vanished", stopped.Error);

        var created = ContainerTransitions.Apply(stopped, Initialized(pid: 600));
        var running = ContainerTransitions.Apply(created, new ContainerStarted(Id, 600, T0.AddMinutes(2)));

        Assert.False(running.StopRequested);
        Assert.Null(running.Error);
        Assert.Equal(600, running.Pid);
        Assert.Equal(T0.AddMinutes(2), running.StartedAt);
    }

    [Fact]
    public void Stop_request_is_remembered_without_changing_the_state()
    {
        var running = In(ContainerStatus.Running);

        var state = ContainerTransitions.Apply(running, new ContainerStopRequested(Id, "SIGINT", 3, T0.AddMinutes(1)));

        Assert.True(state.StopRequested);
        Assert.Equal(running with { StopRequested = true }, state);
    }

    [Theory]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Paused)]
    public void Killed_event_changes_nothing(ContainerStatus status)
    {
        var state = In(status);

        Assert.Equal(state, ContainerTransitions.Apply(state, new ContainerKilled(Id, 10, T0.AddMinutes(1))));
    }

    [Theory]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Paused)]
    [InlineData(ContainerStatus.Created)]
    public void Exited_event_clears_the_pid_and_records_code_time_and_error(ContainerStatus status)
    {
        var before = In(status);
        var at = T0.AddMinutes(5);

        var state = ContainerTransitions.Apply(before, new ContainerExited(Id, 143, at, "stopped by SIGTERM"));

        Assert.Equal(ContainerStatus.Stopped, state.Status);
        Assert.Equal(0, state.Pid);
        Assert.Equal(143, state.ExitCode);
        Assert.Equal(at, state.FinishedAt);
        Assert.Equal("stopped by SIGTERM", state.Error);
        Assert.Equal(before.StartedAt, state.StartedAt);
        Assert.Equal(before.BundlePath, state.BundlePath);
    }

    [Fact]
    public void Plain_exit_leaves_no_error()
    {
        var state = ContainerTransitions.Apply(In(ContainerStatus.Running), new ContainerExited(Id, 0, T0));

        Assert.Null(state.Error);
        Assert.Equal(0, state.ExitCode);
    }

    [Fact]
    public void Pause_and_unpause_keep_the_process()
    {
        var paused = ContainerTransitions.Apply(In(ContainerStatus.Running), Event("paused"));
        var running = ContainerTransitions.Apply(paused, Event("unpaused"));

        Assert.Equal(ContainerStatus.Paused, paused.Status);
        Assert.Equal(Pid, paused.Pid);
        Assert.Equal(ContainerStatus.Running, running.Status);
        Assert.Equal(Pid, running.Pid);
        Assert.Equal(In(ContainerStatus.Running), running);
    }

    [Fact]
    public void Removed_container_has_no_pid_and_no_longer_exists()
    {
        var removing = ContainerTransitions.Apply(In(ContainerStatus.Stopped), Event("removing"));
        var removed = ContainerTransitions.Apply(removing, Event("removed"));

        Assert.True(removing.Exists);
        Assert.Equal(ContainerStatus.Removed, removed.Status);
        Assert.Equal(0, removed.Pid);
        Assert.False(removed.Exists);
        Assert.Equal("web", removed.Name);
    }
}
