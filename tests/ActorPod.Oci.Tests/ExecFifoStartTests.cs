using ActorPod.Oci.Runc;

namespace ActorPod.Oci.Tests;

/// <summary>Starting through runc's exec fifo, against real runc containers; needs root.</summary>
public sealed class ExecFifoStartTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>, IAsyncLifetime
{
    private const int SigKill = 9;

    private readonly RuntimeHarness _h = new(rootfs);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task A_created_container_runs_its_process_and_its_fifo_is_gone()
    {
        var (id, _, exit) = await _h.CreateAsync("sh", "-c", "exit 5");
        var start = new ExecFifoStart(_h.Options.RuntimeRoot);

        Assert.True(await start.TryStartAsync(id, default));

        Assert.Equal(5, (await exit.WaitAsync(RuntimeHarness.Timeout)).ExitCode);
        Assert.False(File.Exists(Path.Combine(_h.Options.RuntimeRoot, id, "exec.fifo")));
    }

    [Fact]
    public async Task A_started_container_is_left_to_runc_which_refuses_it()
    {
        var (id, _, exit) = await _h.CreateAsync("sleep", "100");
        var start = new ExecFifoStart(_h.Options.RuntimeRoot);
        Assert.True(await start.TryStartAsync(id, default));

        Assert.False(await start.TryStartAsync(id, default));
        await Assert.ThrowsAsync<ActorPod.Core.Errors.ActorPodException>(() => _h.Runtime.StartAsync(id, default));

        Assert.Equal("running", (await _h.Runtime.StateAsync(id, default))?.Status);
        await _h.Runtime.KillAsync(id, SigKill, default);
        Assert.Equal(137, (await exit).ExitCode);
    }

    [Fact]
    public async Task An_init_that_died_before_start_does_not_hang_the_start()
    {
        var (id, created, exit) = await _h.CreateAsync("sleep", "100");
        System.Diagnostics.Process.GetProcessById(created.Pid).Kill();
        await exit.WaitAsync(RuntimeHarness.Timeout);
        var start = new ExecFifoStart(_h.Options.RuntimeRoot);

        var started = await start.TryStartAsync(id, default).WaitAsync(RuntimeHarness.Timeout);

        Assert.False(started);
    }

    [Fact]
    public async Task An_unknown_container_is_left_to_runc()
    {
        Assert.False(await new ExecFifoStart(_h.Options.RuntimeRoot).TryStartAsync("0123456789abcdef", default));
    }
}
