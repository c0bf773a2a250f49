using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Exec;

namespace ActorPod.Oci.Tests.Exec;

/// <summary>Execs in a real busybox container under conmon and runc; needs root.</summary>
public sealed class ExecSessionTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>, IAsyncLifetime
{
    private readonly RuntimeHarness _h = new(rootfs);
    private ExecHarness _exec = null!;

    public async Task InitializeAsync()
    {
        var (id, _, _) = await _h.CreateAsync("sleep", "100");
        await _h.Runtime.StartAsync(id, default);
        _exec = new ExecHarness(_h, id);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Echo_prints_on_stdout_and_exits_zero()
    {
        var result = await _exec.RunAsync(_exec.Request(["echo", "hi"]));

        Assert.Equal("hi\n", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Session.Pid > 0);
    }

    [Fact]
    public async Task Stdout_and_stderr_stay_apart_and_the_exit_code_is_reported()
    {
        var result = await _exec.RunAsync(_exec.Request(["sh", "-c", "echo out; echo err >&2; exit 5"]));

        Assert.Equal("out\n", result.Stdout);
        Assert.Equal("err\n", result.Stderr);
        Assert.Equal(5, result.ExitCode);
    }

    [Fact]
    public async Task Stdin_reaches_the_process_and_closing_it_ends_cat()
    {
        var result = await _exec.RunAsync(_exec.Request(["cat"], stdin: true), input: "hello\n");

        Assert.Equal("hello\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Tty_exec_runs_on_a_pseudo_terminal()
    {
        var result = await _exec.RunAsync(_exec.Request(["busybox", "tty"], tty: true));

        Assert.Matches(@"^/dev/pts/\d+\r\n$", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Resize_of_a_running_terminal_shows_in_stty_size()
    {
        // The process waits for a line, so the resize reaches its terminal before stty reads the size: conmon
        // applies a resize only once the terminal exists, which a resize before start may beat. stdin stays open,
        // and stty asks the terminal through it (its own descriptor): opening the terminal anew, as
        // `stty -F /proc/self/fd/1` did, sometimes failed with "I/O error" in the kernel's pty open.
        var request = _exec.Request(["sh", "-c", "read line; stty size"], tty: true, stdin: true);

        var result = await _exec.RunAsync(request, input: "go\n",
            afterStart: a => a.ResizeAsync(width: 77, height: 33), closeStdin: false);

        Assert.EndsWith("33 77\r\n", result.Stdout);
    }

    [Theory]
    [InlineData("/nonexistent", ExecStartFailure.NotFound,
        "exec: \"/nonexistent\": stat /nonexistent: no such file or directory")]
    [InlineData("nope", ExecStartFailure.NotFound, "exec: \"nope\": executable file not found in $PATH")]
    [InlineData("/etc/passwd", ExecStartFailure.NotExecutable, "exec: \"/etc/passwd\": permission denied")]
    public async Task Start_failure_quotes_runc_and_says_why(string command, ExecStartFailure why, string said)
    {
        var request = _exec.Request([command]);
        await using var session = await _exec.Runtime.PrepareAsync(request, default);

        var e = await Assert.ThrowsAsync<ExecStartFailedException>(() => session.StartAsync(default));

        Assert.Equal(ErrorKind.RuntimeFailed, e.Error.Kind);
        Assert.Equal(why, e.Failure);
        Assert.EndsWith(said, e.Message);
        Assert.StartsWith($"exec {request.ExecId[..12]} in container {request.ContainerId} failed to start: ",
            e.Message);
        await Assert.ThrowsAsync<ExecStartFailedException>(() => session.Exited);
        await ProcessAssert.GoneAsync(session.ConmonPid);
    }

    [Fact]
    public async Task Ten_execs_leave_no_conmon_behind()
    {
        var pids = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            var result = await _exec.RunAsync(_exec.Request(["true"]));
            Assert.Equal(0, result.ExitCode);
            pids.Add(result.Session.ConmonPid);
        }

        Assert.All(pids, pid => Assert.True(pid > 0));
        foreach (var pid in pids)
        {
            await ProcessAssert.GoneAsync(pid);
        }

        Assert.Equal(["" + _exec.ContainerId], Directory.GetFileSystemEntries(_h.Options.SocketDirectory)
            .Select(Path.GetFileName));
    }

    [Fact]
    public async Task Abandoned_session_is_killed_without_running_its_command()
    {
        var request = _exec.Request(["sh", "-c", "echo ran > /tmp/abandoned"]);
        var session = await _exec.Runtime.PrepareAsync(request, default);

        await session.DisposeAsync();

        await ProcessAssert.GoneAsync(session.ConmonPid);
        Assert.False(File.Exists(Path.Combine(_h.Rootfs.Path, "tmp", "abandoned")));
        await Assert.ThrowsAsync<ActorPodException>(() => session.Exited);
    }

    [Fact]
    public async Task Bad_exec_id_is_an_invalid_argument()
    {
        var request = _exec.Request(["true"]) with { ExecId = "xyz" };

        var e = await Assert.ThrowsAsync<ActorPodException>(() => _exec.Runtime.PrepareAsync(request, default));

        Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind);
    }
}
