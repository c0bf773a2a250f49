using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Exec;

[Collection(DaemonCollection.Name)]
public sealed class ExecTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    async Task<string> RunningAsync()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        return name;
    }

    [Fact]
    public async Task Exec_prints_stdout_and_stderr_apart_and_exits_with_the_command_code()
    {
        var name = await RunningAsync();

        var result = await Cli("exec", name, "sh", "-c", "echo out; echo err >&2; exit 5");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
    }

    [Fact]
    public async Task Exec_with_stdin_feeds_the_command()
    {
        var name = await RunningAsync();

        var result = await Daemon.CliWithInput("one\ntwo\n", "exec", "-i", name, "cat");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("one\ntwo\n", result.Stdout);
    }

    [Fact]
    public async Task Exec_with_a_tty_runs_on_a_pts_device()
    {
        var name = await RunningAsync();

        var result = await ProcessRunner.RunAsync("script", ["-qec", $"{Binaries.Cli} exec -t {name} tty", "/dev/null"],
            new Dictionary<string, string> { ["ACTORPOD_HOST"] = Daemon.Host });

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"/dev/pts/\d+", result.Stdout);
    }

    [Fact]
    public async Task Exec_of_a_missing_command_exits_127_with_the_runtime_words()
    {
        var name = await RunningAsync();

        var result = await Cli("exec", name, "nope");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("executable file not found", result.Stderr);
    }

    [Fact]
    public async Task Exec_into_a_paused_container_is_refused_with_the_state()
    {
        var name = await RunningAsync();
        var id = await Ok("inspect", "--format", "{{.Id}}", name);
        await Ok("pause", name);

        var result = await Cli("exec", name, "true");

        Assert.Equal(125, result.ExitCode);
        Assert.Equal($"Error: cannot exec in container {id}: it is paused, not running\n", result.Stderr);
        await Ok("unpause", name);
    }

    [Fact]
    public async Task Exec_into_a_stopped_container_is_refused()
    {
        var name = NewName();
        await Ok("run", "--name", name, "busybox", "true");

        var result = await Cli("exec", name, "true");

        Assert.Equal(125, result.ExitCode);
        Assert.Contains("it is exited, not running", result.Stderr);
    }

    [Fact]
    public async Task A_running_session_is_listed_in_inspect_and_gone_after_its_end()
    {
        var name = await RunningAsync();
        using var http = Daemon.Http();
        var execId = await ExecApi.TryCreateAsync(http, name, "sleep", "2");

        Assert.True(await ExecApi.TryStartAsync(http, execId!, detach: true));
        Assert.Contains(execId!, await ExecApi.ExecIdsAsync(http, name));
        var running = await ExecApi.InspectAsync(http, execId!);
        Assert.True(running.GetProperty("Running").GetBoolean());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await ExecApi.InspectAsync(http, execId!)).GetProperty("Running").GetBoolean()
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, (await ExecApi.InspectAsync(http, execId!)).GetProperty("ExitCode").GetInt32());
        Assert.Empty(await ExecApi.ExecIdsAsync(http, name));
    }
}
