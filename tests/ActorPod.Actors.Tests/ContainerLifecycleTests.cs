using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Tests;

public sealed class ContainerLifecycleTests : ActorTestBase
{
    [Fact]
    public void Created_container_is_configured_with_the_image_spec()
    {
        var id = Create("web", "echo", "hi");

        var info = Inspect("web");

        Assert.Equal(id, info.Id);
        Assert.Equal(ContainerStatus.Configured, info.Status);
        Assert.Equal(["echo", "hi"], info.Spec.Args);
        Assert.Equal(FakeStorageImageId, info.Spec.ImageId);
        Assert.Equal("node-a", info.Node);
    }

    static string FakeStorageImageId => Fakes.FakeStorage.Busybox.Id;

    [Fact]
    public void Init_start_pause_unpause_stop_walk_every_state()
    {
        var id = Create();

        Ask<CommandSucceeded>(new InitContainer(id));
        Assert.Equal(ContainerStatus.Created, Inspect(id).Status);

        Ask<CommandSucceeded>(new StartContainer(id));
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);
        Assert.True(Inspect(id).Pid > 0);

        Ask<CommandSucceeded>(new PauseContainer(id));
        Assert.Equal(ContainerStatus.Paused, Inspect(id).Status);

        Ask<CommandSucceeded>(new UnpauseContainer(id));
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);

        Ask<CommandSucceeded>(new StopContainer(id, 5));
        var stopped = Inspect(id);
        Assert.Equal(ContainerStatus.Stopped, stopped.Status);
        Assert.Equal(143, stopped.ExitCode);
        Assert.Equal(0, stopped.Pid);
    }

    [Fact]
    public void Start_of_a_configured_container_initializes_it_first()
    {
        var id = Create();

        Ask<CommandSucceeded>(new StartContainer(id));

        Assert.Equal(["create " + id, "start " + id], Runtime.Calls.ToArray());
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);
    }

    [Fact]
    public void Start_of_a_running_container_changes_nothing()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));

        var again = Ask<CommandSucceeded>(new StartContainer(id));

        Assert.False(again.Changed);
    }

    [Fact]
    public void An_exit_reported_late_by_an_earlier_run_does_not_end_the_current_one()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));

        Runtime.AnnounceLateExit(id, 137, DateTimeOffset.UtcNow.AddSeconds(-5));
        Runtime.ExitNow(id, 7);

        AwaitAssert(() => Assert.Equal(ContainerStatus.Stopped, Inspect(id).Status));
        Assert.Equal(7, Inspect(id).ExitCode);
    }

    [Fact]
    public void Exit_of_the_process_is_journaled_with_its_code()
    {
        var id = Create(null, "exit:3");
        Registry.Tell(new WaitContainer(id), TestActor);

        Registry.Tell(new StartContainer(id), TestActor);

        ExpectMsg<CommandSucceeded>();
        var wait = ExpectMsg<WaitSucceeded>();
        Assert.Equal(3, wait.ExitCode);
        Assert.Equal(ContainerStatus.Stopped, Inspect(id).Status);
    }

    [Fact]
    public void Wait_registered_before_start_gets_the_exit_code()
    {
        var id = Create(null, "exit:7");
        var waiter = CreateTestProbe();
        Registry.Tell(new WaitContainer(id), waiter);
        waiter.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        Ask<CommandSucceeded>(new StartContainer(id));

        Assert.Equal(7, waiter.ExpectMsg<WaitSucceeded>().ExitCode);
    }

    [Fact]
    public void Stopped_container_restarts_with_fresh_runtime_state()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));
        Ask<CommandSucceeded>(new StopContainer(id, 1));

        Ask<CommandSucceeded>(new StartContainer(id));

        Assert.Contains("delete " + id, Runtime.Calls);
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);
    }

    [Fact]
    public void Stop_of_a_process_that_ignores_the_signal_ends_in_sigkill_after_the_timeout()
    {
        var id = Create(null, "ignore-term");
        Ask<CommandSucceeded>(new StartContainer(id));

        Ask<CommandSucceeded>(new StopContainer(id, 1));

        Assert.Equal(137, Inspect(id).ExitCode);
        Assert.Contains($"kill {id} 15", Runtime.Calls);
        Assert.Contains($"kill {id} 9", Runtime.Calls);
    }

    [Fact]
    public void Inspect_and_list_answer_while_a_long_stop_is_in_flight()
    {
        var id = Create(null, "ignore-term");
        Ask<CommandSucceeded>(new StartContainer(id));
        var stopper = CreateTestProbe();
        Registry.Tell(new StopContainer(id, 30), stopper);

        var info = Inspect(id);
        var list = Ask<ContainerList>(new ListContainers(All: true));

        Assert.True(info.Busy);
        Assert.Equal(ContainerStatus.Running, info.Status);
        Assert.Single(list.Containers);
        stopper.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Runtime.ExitNow(id, 0);
        stopper.ExpectMsg<CommandSucceeded>();
    }

    [Fact]
    public void Commands_sent_during_a_stop_run_after_it_in_order()
    {
        var id = Create(null, "ignore-term");
        Ask<CommandSucceeded>(new StartContainer(id));
        var client = CreateTestProbe();

        Registry.Tell(new StopContainer(id, 30), client);
        Registry.Tell(new StartContainer(id), client);
        Runtime.ExitNow(id, 0);

        Assert.Equal("stop", client.ExpectMsg<CommandSucceeded>().Command);
        Assert.Equal("start", client.ExpectMsg<CommandSucceeded>().Command);
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);
    }

    [Fact]
    public void Kill_delivers_the_signal_and_the_exit_follows()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));
        Registry.Tell(new WaitContainer(id), TestActor);

        Registry.Tell(new KillContainer(id, "SIGUSR1"), TestActor);

        ExpectMsg<CommandSucceeded>();
        Assert.Equal(138, ExpectMsg<WaitSucceeded>().ExitCode);
    }

    [Fact]
    public void Forced_removal_of_a_running_container_kills_it_and_frees_the_name()
    {
        var id = Create("doomed");
        Ask<CommandSucceeded>(new StartContainer(id));

        Ask<CommandSucceeded>(new RemoveContainer("doomed", Force: true));

        Assert.Contains(id, Storage.Removed);
        Assert.Equal(ErrorKind.NotFound, Refused(new InspectContainer(id)).Kind);
        Create("doomed");
    }

    [Fact]
    public void Removal_answers_removed_waiters()
    {
        var id = Create();
        var waiter = CreateTestProbe();
        Registry.Tell(new WaitContainer(id, WaitCondition.Removed), waiter);

        Ask<CommandSucceeded>(new RemoveContainer(id));

        Assert.Equal(WaitCondition.Removed, waiter.ExpectMsg<WaitSucceeded>().Condition);
    }

    [Fact]
    public void Auto_remove_container_is_removed_after_it_exits()
    {
        var config = new ContainerConfig { Image = "busybox", Cmd = ["exit:4"], AutoRemove = true };
        var id = Ask<CreateSucceeded>(new CreateContainer(config)).ContainerId;
        var waiter = CreateTestProbe();
        Registry.Tell(new WaitContainer(id, WaitCondition.Removed), waiter);

        Ask<CommandSucceeded>(new StartContainer(id));

        Assert.Equal(4, waiter.ExpectMsg<WaitSucceeded>().ExitCode);
        Assert.Empty(Ask<ContainerList>(new ListContainers(true)).Containers);
    }

    [Fact]
    public void Runtime_failure_on_create_quotes_the_runtime_and_leaves_the_container_configured()
    {
        var id = Create();
        Runtime.FailCreateWith = "runc create failed: exec: \"nope\": executable file not found in $PATH";

        var error = Refused(new StartContainer(id));

        Assert.Equal(ErrorKind.RuntimeFailed, error.Kind);
        Assert.Contains("executable file not found", error.Message);
        Assert.Equal(ContainerStatus.Configured, Inspect(id).Status);
    }

    [Fact]
    public void Lost_exit_is_found_by_asking_the_runtime_after_sigkill()
    {
        var id = Create(null, "ignore-term");
        Ask<CommandSucceeded>(new StartContainer(id));
        Runtime.AnnounceExits = false;

        Ask<CommandSucceeded>(new StopContainer(id, 0));

        Assert.Equal(137, Inspect(id).ExitCode);
    }

    [Fact]
    public void List_shows_only_live_containers_unless_all()
    {
        var running = Create("running");
        Create("idle");
        Ask<CommandSucceeded>(new StartContainer(running));

        var live = Ask<ContainerList>(new ListContainers()).Containers;
        var all = Ask<ContainerList>(new ListContainers(All: true)).Containers;

        Assert.Equal(["running"], live.Select(c => c.Name));
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void Kill_during_a_long_stop_cuts_it_short()
    {
        var id = Create(null, "ignore-term");
        Ask<CommandSucceeded>(new StartContainer(id));
        var stopper = CreateTestProbe();
        Registry.Tell(new StopContainer(id, 300), stopper);

        Ask<CommandSucceeded>(new KillContainer(id));

        stopper.ExpectMsg<CommandSucceeded>();
        Assert.Equal(137, Inspect(id).ExitCode);
    }
}
