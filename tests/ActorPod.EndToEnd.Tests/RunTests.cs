using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests;

[Collection(DaemonCollection.Name)]
public sealed class RunTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    [Fact]
    public async Task Run_prints_the_output_of_echo()
    {
        var result = await Cli("run", "--rm", "busybox", "echo", "hello", "world");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello world\n", result.Stdout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(42)]
    public async Task Run_exits_with_the_container_exit_code(int code)
    {
        var result = await Cli("run", "--rm", "busybox", "sh", "-c", $"exit {code}");

        Assert.Equal(code, result.ExitCode);
    }

    [Fact]
    public async Task Run_keeps_stdout_and_stderr_apart()
    {
        var result = await Cli("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2");

        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
    }

    [Fact]
    public async Task Run_of_a_missing_command_exits_127_with_the_runtime_words()
    {
        var name = NewName();

        var result = await Cli("run", "--name", name, "busybox", "/nonexistent");

        Assert.Equal(127, result.ExitCode);
        Assert.Contains("/nonexistent", result.Stderr);
        Assert.Contains("no such file or directory", result.Stderr);
    }

    [Fact]
    public async Task Run_applies_environment_workdir_user_and_hostname()
    {
        var result = await Cli("run", "--rm", "-e", "GREETING=hi", "-w", "/tmp", "-u", "65534",
            "--hostname", "podhost", "busybox", "sh", "-c", "echo $GREETING $(pwd) $(id -u) $(hostname)");

        Assert.Equal("hi /tmp 65534 podhost\n", result.Stdout);
    }

    [Fact]
    public async Task Run_binds_a_host_directory()
    {
        var dir = Directory.CreateTempSubdirectory("ape-bind-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "note.txt"), "from the host");

            var result = await Cli("run", "--rm", "-v", $"{dir}:/data", "busybox", "cat", "/data/note.txt");

            Assert.Equal("from the host", result.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Network_none_has_only_loopback_and_host_network_sees_the_host()
    {
        var none = await Cli("run", "--rm", "--network", "none", "busybox", "ls", "/sys/class/net");
        var host = await Cli("run", "--rm", "--network", "host", "busybox", "ls", "/sys/class/net");

        Assert.Equal("lo", none.Stdout.Trim());
        Assert.True(host.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, host.ToString());
    }

    [Fact]
    public async Task Detached_run_prints_the_id_and_logs_hold_the_output()
    {
        var name = NewName();

        var id = await Ok("run", "-d", "--name", name, "busybox", "sh", "-c", "echo started; echo oops >&2");
        await Ok("wait", name);
        var logs = await Cli("logs", name);

        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Equal("started\n", logs.Stdout);
        Assert.Equal("oops\n", logs.Stderr);
    }

    [Fact]
    public async Task Run_rm_leaves_no_container_behind()
    {
        var name = NewName();

        await Ok("run", "--rm", "--name", name, "busybox", "true");
        var inspect = await Cli("inspect", name);

        Assert.Equal(125, inspect.ExitCode);
        Assert.Contains($"no such container: {name}", inspect.Stderr);
    }
}
