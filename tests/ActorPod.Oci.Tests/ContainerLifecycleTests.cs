using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;

namespace ActorPod.Oci.Tests;

/// <summary>Real containers under real conmon and runc; needs root.</summary>
public sealed class ContainerLifecycleTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>, IAsyncLifetime
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private readonly RuntimeHarness _h = new(rootfs);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Echo_runs_logs_its_output_and_exits_zero()
    {
        var (id, created, exit) = await _h.CreateAsync("echo", "hello");

        Assert.True(created.Pid > 0);
        Assert.True(File.Exists(Path.Combine(created.BundlePath, "config.json")));
        Assert.Equal("created", (await _h.Runtime.StateAsync(id, default))?.Status);

        await _h.Runtime.StartAsync(id, default);

        Assert.Equal(0, (await exit).ExitCode);
        var log = await File.ReadAllLinesAsync(created.LogPath);
        Assert.Contains(log, line => line.EndsWith(" stdout F hello", StringComparison.Ordinal));
        Assert.Equal(0, _h.Runtime.ReadExit(id)?.ExitCode);
    }

    [Fact]
    public async Task Exit_code_of_the_process_is_reported()
    {
        var (id, _, exit) = await _h.CreateAsync("sh", "-c", "exit 3");

        await _h.Runtime.StartAsync(id, default);

        Assert.Equal(3, (await exit).ExitCode);
    }

    [Fact]
    public async Task Sigkill_reports_137_and_a_later_kill_does_not_throw()
    {
        var (id, _, exit) = await _h.CreateAsync("sleep", "100");
        await _h.Runtime.StartAsync(id, default);

        await _h.Runtime.KillAsync(id, SigKill, default);

        Assert.Equal(137, (await exit).ExitCode);
        await _h.Runtime.KillAsync(id, SigKill, default);
        Assert.Equal("stopped", (await _h.Runtime.StateAsync(id, default))?.Status);
    }

    [Fact]
    public async Task Sigterm_with_a_trap_exits_zero()
    {
        var (id, _, exit) = await _h.CreateAsync("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.1; done");
        await _h.Runtime.StartAsync(id, default);
        await Task.Delay(300);

        await _h.Runtime.KillAsync(id, SigTerm, default);

        Assert.Equal(0, (await exit).ExitCode);
    }

    [Fact]
    public async Task Container_runs_in_its_own_cgroup_and_exits_are_reported_once()
    {
        var (id, created, exit) = await _h.CreateAsync("sleep", "100");
        var count = 0;
        _h.Runtime.Exited += e => Interlocked.Add(ref count, e.ContainerId == id ? 1 : 0);
        await _h.Runtime.StartAsync(id, default);

        var cgroups = await File.ReadAllTextAsync($"/proc/{created.Pid}/cgroup");
        Assert.Contains($":/actorpod/{id}", cgroups);

        await _h.Runtime.KillAsync(id, SigKill, default);
        await exit;
        await Task.Delay(500);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Pause_and_resume_show_in_state()
    {
        var (id, _, exit) = await _h.CreateAsync("sleep", "100");
        await _h.Runtime.StartAsync(id, default);

        await _h.Runtime.PauseAsync(id, default);
        Assert.Equal("paused", (await _h.Runtime.StateAsync(id, default))?.Status);

        await _h.Runtime.ResumeAsync(id, default);
        Assert.Equal("running", (await _h.Runtime.StateAsync(id, default))?.Status);

        await _h.Runtime.KillAsync(id, SigKill, default);
        Assert.Equal(137, (await exit).ExitCode);
    }

    [Fact]
    public async Task Missing_command_fails_create_quoting_runc_and_its_conmon_is_reaped()
    {
        var e = await Assert.ThrowsAsync<ActorPodException>(() => _h.CreateAsync("/nonexistent"));

        Assert.Equal(ErrorKind.RuntimeFailed, e.Error.Kind);
        Assert.Matches("^creating container [0-9a-f]{64} failed: runc create failed: .*exec: \"/nonexistent\": "
            + "stat /nonexistent: no such file or directory$", e.Message);
        var id = e.Error.ContainerId!;
        Assert.Null(_h.Runtime.ReadExit(id));
        await AssertGoneAsync(_h.ConmonPid(id));
    }

    [Fact]
    public async Task A_new_runtime_on_the_same_root_reads_the_exit_and_delete_removes_the_runtime_files()
    {
        var (id, created, exit) = await _h.CreateAsync("sh", "-c", "exit 7");
        var socketEntry = Path.Combine(_h.Options.SocketDirectory, id);
        Assert.True(Path.Exists(socketEntry), "conmon made no attach socket entry");
        await _h.Runtime.StartAsync(id, default);
        await exit;

        using (var restarted = new ConmonRuntime(_h.Options))
        {
            var read = restarted.ReadExit(id);
            Assert.Equal(7, read?.ExitCode);
            Assert.InRange(read!.At, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
            Assert.Equal("stopped", (await restarted.StateAsync(id, default))?.Status);

            await restarted.DeleteAsync(id, default);
        }

        Assert.Null(await _h.Runtime.StateAsync(id, default));
        Assert.Null(_h.Runtime.ReadExit(id));
        Assert.False(Path.Exists(socketEntry));
        Assert.True(File.Exists(Path.Combine(created.BundlePath, "config.json")));
    }

    [Fact]
    public async Task Tty_container_logs_its_output()
    {
        var id = Core.Naming.ContainerIds.New();
        var exit = _h.ExitOf(id);
        var spec = new Messages.Model.ContainerSpec
        {
            Image = "busybox", ImageId = "busybox", Args = ["echo", "on a tty"], Tty = true,
        };
        var created = await _h.Runtime.CreateAsync(
            new RuntimeCreateRequest(id, spec, _h.Rootfs.Path, _h.ContainerDir(id)), default);
        try
        {
            await _h.Runtime.StartAsync(id, default);

            Assert.Equal(0, (await exit).ExitCode);
            Assert.Contains(await File.ReadAllLinesAsync(created.LogPath), l => l.Contains("on a tty"));
        }
        finally
        {
            await _h.Runtime.DeleteAsync(id, default);
        }
    }

    [Fact]
    public async Task Deleting_a_running_container_leaves_no_exit_file_behind_for_the_next_run()
    {
        var (id, _, _) = await _h.CreateAsync("sleep", "100");
        await _h.Runtime.StartAsync(id, default);

        await _h.Runtime.DeleteAsync(id, default);

        // conmon of the killed process reports it late; that report must not outlive the delete.
        await Task.Delay(500);
        Assert.Null(_h.Runtime.ReadExit(id));
        Assert.Null(await _h.Runtime.StateAsync(id, default));
    }

    [Fact]
    public async Task Unknown_container_has_no_state_and_no_exit()
    {
        var id = Core.Naming.ContainerIds.New();

        Assert.Null(await _h.Runtime.StateAsync(id, default));
        Assert.Null(_h.Runtime.ReadExit(id));
        await _h.Runtime.DeleteAsync(id, default);
    }

    [Fact]
    public async Task Conmon_is_reaped_after_the_container_exits()
    {
        var (id, _, exit) = await _h.CreateAsync("true");
        var conmonPid = _h.ConmonPid(id);
        await _h.Runtime.StartAsync(id, default);

        await exit;

        await AssertGoneAsync(conmonPid);
    }

    // Gone means reaped: an unreaped conmon would linger as a zombie in /proc.
    private static async Task AssertGoneAsync(int conmonPid)
    {
        var stat = $"/proc/{conmonPid}/stat";
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (File.Exists(stat) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(stat), $"conmon {conmonPid} still exists: {TryRead(stat)}");
    }

    private static string TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }
}
