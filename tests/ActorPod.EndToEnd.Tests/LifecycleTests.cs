using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests;

[Collection(DaemonCollection.Name)]
public sealed class LifecycleTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    const string TrapTerm = "trap 'exit 0' TERM; echo ready; while true; do sleep 0.1; done";

    [Fact]
    public async Task Stop_of_a_process_ignoring_sigterm_returns_after_the_timeout_with_137()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");

        var stop = await Cli("stop", "-t", "2", name);

        Assert.Equal(0, stop.ExitCode);
        Assert.True(stop.Elapsed >= TimeSpan.FromSeconds(2), $"stop returned after {stop.Elapsed}");
        Assert.Equal("exited 137", await Ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", name));
    }

    [Fact]
    public async Task Stop_of_a_process_handling_sigterm_returns_when_it_exits()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sh", "-c", TrapTerm);
        await WaitForLogAsync(name, "ready");

        var stop = await Cli("stop", "-t", "60", name);

        Assert.Equal(0, stop.ExitCode);
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(30), $"stop returned after {stop.Elapsed}");
        Assert.Equal("0", await Ok("inspect", "--format", "{{.State.ExitCode}}", name));
    }

    [Fact]
    public async Task Kill_delivers_the_named_signal()
    {
        // A container's pid 1 gets only the signals it handles, so the handler is the proof of delivery.
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sh", "-c",
            "trap 'exit 10' USR1; echo ready; while true; do sleep 0.1; done");
        await WaitForLogAsync(name, "ready");

        await Ok("kill", "-s", "USR1", name);
        var wait = await Cli("wait", name);

        Assert.Equal((10, "10"), (wait.ExitCode, wait.Stdout.Trim()));
    }

    [Fact]
    public async Task Kill_with_a_bad_signal_is_refused_and_the_container_keeps_running()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");

        var kill = await Cli("kill", "-s", "SIGBOGUS", name);

        Assert.Equal(125, kill.ExitCode);
        Assert.Contains("invalid signal: SIGBOGUS", kill.Stderr);
        Assert.Equal("running", await Ok("inspect", "--format", "{{.State.Status}}", name));
    }

    [Fact]
    public async Task Wait_registered_before_start_reports_the_exit_code()
    {
        var name = NewName();
        await Ok("create", "--name", name, "busybox", "sh", "-c", "sleep 0.2; exit 9");

        var wait = Cli("wait", name);
        await Task.Delay(500);
        Assert.False(wait.IsCompleted, "wait returned before the container ran");
        await Ok("start", name);

        var result = await wait;
        Assert.Equal(9, result.ExitCode);
        Assert.Equal("9", result.Stdout.Trim());
    }

    [Fact]
    public async Task Create_init_start_walk_through_podman_states()
    {
        var name = NewName();

        await Ok("create", "--name", name, "busybox", "sleep", "1000");
        var created = await Ok("inspect", "--format", "{{.State.Status}}", name);
        await Ok("init", name);
        var initialized = await Ok("ps", "-a", "--filter", $"name={name}", "--format", "{{.Status}}");
        await Ok("start", name);
        var running = await Ok("inspect", "--format", "{{.State.Status}} {{.State.Running}}", name);

        Assert.Equal("created", created);
        Assert.NotEmpty(initialized);
        Assert.Equal("running true", running);
    }

    [Fact]
    public async Task Removal_of_a_running_container_needs_force()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");

        var refused = await Cli("rm", name);
        var still = await Ok("inspect", "--format", "{{.State.Status}}", name);
        var forced = await Cli("rm", "-f", name);
        var gone = await Cli("inspect", name);

        Assert.Equal(125, refused.ExitCode);
        Assert.Contains("it is running; stop it first or force the removal", refused.Stderr);
        Assert.Equal("running", still);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(125, gone.ExitCode);
    }

    [Fact]
    public async Task Name_conflict_is_refused_with_the_owner()
    {
        var name = NewName();
        var owner = await Ok("create", "--name", name, "busybox", "true");

        var clash = await Cli("create", "--name", name, "busybox", "true");

        Assert.Equal(125, clash.ExitCode);
        Assert.Contains($"the container name \"{name}\" is already in use by container {owner}", clash.Stderr);
    }

    [Fact]
    public async Task Unknown_container_and_image_give_clear_errors()
    {
        var container = await Cli("start", "no-such-container");
        var image = await Cli("run", "--rm", "no-such-image", "true");

        Assert.Equal(125, container.ExitCode);
        Assert.Contains("no such container: no-such-container", container.Stderr);
        Assert.Equal(125, image.ExitCode);
        Assert.Contains("no-such-image", image.Stderr);
    }

    [Fact]
    public async Task Ps_and_inspect_answer_while_a_long_stop_is_in_flight()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        var stop = Cli("stop", "-t", "120", name);
        await Task.Delay(500);

        var ps = await Cli("ps", "--filter", $"name={name}", "--format", "{{.Names}}");
        var inspect = await Cli("inspect", "--format", "{{.State.Status}}", name);
        Assert.False(stop.IsCompleted, "the stop ended early");
        await Ok("kill", name);
        var stopped = await stop;

        Assert.Equal(name, ps.Stdout.Trim());
        Assert.Equal("running", inspect.Stdout.Trim());
        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal("137", await Ok("inspect", "--format", "{{.State.ExitCode}}", name));
    }

    [Fact]
    public async Task Stopped_container_starts_again()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sh", "-c", "echo run");
        await Ok("wait", name);

        await Ok("start", name);
        await Ok("wait", name);

        Assert.Equal("run\nrun\n", (await Cli("logs", name)).Stdout);
    }

    [Fact]
    public async Task Ps_filters_by_status_and_label()
    {
        var running = NewName();
        var exited = NewName();
        await Ok("run", "-d", "--name", running, "--label", "suite=e2e", "busybox", "sleep", "1000");
        await Ok("run", "--name", exited, "--label", "suite=e2e", "busybox", "true");

        var byStatus = await Ok("ps", "-a", "--filter", "status=exited", "--filter", "label=suite=e2e",
            "--format", "{{.Names}}");
        var live = await Ok("ps", "--filter", "label=suite=e2e", "--format", "{{.Names}}");

        Assert.Contains(exited, byStatus.Split('\n'));
        Assert.DoesNotContain(running, byStatus.Split('\n'));
        Assert.Equal(running, live);
    }
}
