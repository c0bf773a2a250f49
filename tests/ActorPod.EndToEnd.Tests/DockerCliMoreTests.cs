using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests;

/// <summary>The docker CLI's attached and streaming verbs against actorpodd.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DockerCliMoreTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    async Task<string> Docker(params string[] args)
    {
        var result = await Daemon.Docker(args);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)}: {result}");
        return result.Stdout.Trim();
    }

    [Fact]
    public async Task Docker_run_rm_prints_the_output_and_passes_the_exit_code()
    {
        var name = NewName();

        var result = await Daemon.Docker("run", "--rm", "--name", name, "busybox", "sh", "-c",
            "echo out; echo err >&2; exit 3");
        var gone = await Daemon.Docker("inspect", name);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.NotEqual(0, gone.ExitCode);
    }

    [Fact]
    public async Task Twenty_parallel_docker_run_rm_leave_no_error_and_no_container()
    {
        var label = "batch=" + Guid.NewGuid().ToString("N")[..8];

        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Daemon.Docker("run", "--rm", "--label", label, "busybox", "sh", "-c", $"echo run-{i}")));
        var left = await Docker("ps", "-a", "--filter", $"label={label}", "-q");

        Assert.All(runs.Select((r, i) => (r, i)), x =>
        {
            Assert.True(x.r.ExitCode == 0, x.r.ToString());
            Assert.Equal($"run-{x.i}\n", x.r.Stdout);
            Assert.Equal("", x.r.Stderr);
        });
        Assert.Empty(left);
    }

    [Fact]
    public async Task Docker_exec_i_pipes_stdin_and_logs_f_ends_with_the_container()
    {
        var name = NewName();
        await Docker("run", "-d", "--name", name, "busybox", "sh", "-c", "echo first; sleep 2; echo last");

        var exec = await Daemon.Docker("exec", "-i", name, "cat");
        var execWithInput = await ProcessRunner.RunAsync("docker", ["exec", "-i", name, "sh", "-c", "cat; exit 4"],
            new Dictionary<string, string> { ["DOCKER_HOST"] = Daemon.Host }, stdin: "piped\n");
        var logs = await Daemon.Docker("logs", "-f", name);

        Assert.Equal(0, exec.ExitCode);
        Assert.Equal((4, "piped\n"), (execWithInput.ExitCode, execWithInput.Stdout));
        Assert.Equal("first\nlast\n", logs.Stdout);
    }

    [Fact]
    public async Task Docker_exec_of_a_command_that_cannot_start_exits_127_or_126_with_the_runtime_words()
    {
        var name = NewName();
        await Docker("run", "-d", "--name", name, "busybox", "sleep", "1000");

        var missing = await Daemon.Docker("exec", name, "nope");
        var notExecutable = await Daemon.Docker("exec", name, "/etc/passwd");
        var ran = await Daemon.Docker("exec", name, "sh", "-c", "exit 3");

        Assert.Equal(127, missing.ExitCode);
        Assert.Contains("exec: \"nope\": executable file not found in $PATH", missing.Stderr);
        Assert.Equal(126, notExecutable.ExitCode);
        Assert.Contains("permission denied", notExecutable.Stderr);
        Assert.Equal(3, ran.ExitCode);
    }

    [Fact]
    public async Task Docker_start_a_restart_pause_and_export()
    {
        var name = NewName();
        await Docker("create", "--name", name, "busybox", "sh", "-c", "echo hello from start; sleep 1000");
        var started = ProcessRunner.RunAsync("docker", ["start", "-a", name],
            new Dictionary<string, string> { ["DOCKER_HOST"] = Daemon.Host });
        await WaitForLogAsync(name, "hello from start");

        await Docker("pause", name);
        var paused = await Docker("inspect", "-f", "{{.State.Status}}", name);
        await Docker("unpause", name);
        await Docker("restart", "-t", "1", name);
        var running = await Docker("inspect", "-f", "{{.State.Status}}", name);
        var export = await ProcessRunner.RunAsync("bash",
            ["-c", $"docker export {name} | tar -t | grep -c '^bin/sh$'"],
            new Dictionary<string, string> { ["DOCKER_HOST"] = Daemon.Host });
        await Docker("rm", "-f", name);
        var attached = await started;

        Assert.Equal("paused", paused);
        Assert.Equal("running", running);
        Assert.Equal("1", export.Stdout.Trim());
        Assert.StartsWith("hello from start\n", attached.Stdout);
    }

    [Fact]
    public async Task Docker_run_t_through_a_pseudo_terminal_gets_a_terminal()
    {
        var command = $"DOCKER_HOST={Daemon.Host} docker run --rm -t busybox sh -c 'tty; exit 6'";

        var result = await ProcessRunner.RunAsync("script", ["-qec", command, "/dev/null"]);

        Assert.Equal(6, result.ExitCode);
        Assert.Matches(@"/dev/pts/\d+", result.Stdout);
    }

    [Fact]
    public async Task Docker_ps_filters_by_exit_code_ancestor_before_and_since()
    {
        var first = NewName();
        var middle = NewName();
        var last = NewName();
        Assert.Equal(3, (await Daemon.Docker("run", "--name", first, "busybox", "sh", "-c", "exit 3")).ExitCode);
        Assert.Equal(4, (await Daemon.Docker("run", "--name", middle, "busybox", "sh", "-c", "exit 4")).ExitCode);
        Assert.Equal(3, (await Daemon.Docker("run", "--name", last, "busybox", "sh", "-c", "exit 3")).ExitCode);

        var exited3 = await Docker("ps", "-a", "--filter", "exited=3", "--format", "{{.Names}}");
        var between = await Docker("ps", "-a", "--filter", $"since={first}", "--filter", $"before={last}",
            "--format", "{{.Names}}");
        var byImage = await Docker("ps", "-a", "--filter", "ancestor=busybox", "--filter", $"name={middle}",
            "--format", "{{.Names}}");

        Assert.Equal(new[] { first, last }.Order(), exited3.Split('\n').Where(n => n == first || n == last).Order());
        Assert.DoesNotContain(middle, exited3.Split('\n'));
        Assert.Equal(middle, between);
        Assert.Equal(middle, byImage);
    }

    [Fact]
    public async Task Docker_events_show_exec_start_and_exec_die_with_the_exit_code()
    {
        var name = NewName();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds().ToString();
        await Docker("run", "-d", "--name", name, "busybox", "sleep", "1000");
        var exec = await Daemon.Docker("exec", name, "sh", "-c", "exit 5");
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString();

        var events = await Docker("events", "--since", since, "--until", until, "--filter", $"container={name}",
            "--filter", "event=exec_die", "--format", "{{.Action}} {{.Actor.Attributes.exitCode}}");

        Assert.Equal(5, exec.ExitCode);
        Assert.Equal("exec_die 5", events);
    }
}
