using ActorPod.Oci.Runc;

namespace ActorPod.Oci.Tests;

/// <summary>The direct freezer path behind pause and unpause, against real runc containers; needs root.</summary>
public sealed class CgroupFreezerTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>, IAsyncLifetime
{
    private const int SigKill = 9;

    private readonly RuntimeHarness _h = new(rootfs);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Freeze_stops_the_process_where_runc_sees_it_and_thaw_lets_it_run_again()
    {
        var (id, created, exit) = await _h.CreateAsync("sleep", "100");
        await _h.Runtime.StartAsync(id, default);
        var freezer = new CgroupFreezer(_h.Options.RuntimeRoot);

        Assert.True(await freezer.FreezeAsync(id, default));
        Assert.Equal("paused", (await _h.Runtime.StateAsync(id, default))?.Status);
        Assert.Equal("frozen", FreezerStateOf(created.Pid));

        Assert.True(await freezer.ThawAsync(id, default));
        Assert.Equal("running", (await _h.Runtime.StateAsync(id, default))?.Status);
        Assert.Equal("thawed", FreezerStateOf(created.Pid));

        await _h.Runtime.KillAsync(id, SigKill, default);
        Assert.Equal(137, (await exit).ExitCode);
    }

    [Fact]
    public async Task An_unknown_container_is_left_to_runc()
    {
        var freezer = new CgroupFreezer(_h.Options.RuntimeRoot);

        Assert.False(await freezer.FreezeAsync("0123456789abcdef", default));
        Assert.False(await freezer.ThawAsync("0123456789abcdef", default));
    }

    /// <summary>The freezer state of the cgroup the process is in, read from the kernel, not from runc.</summary>
    private static string FreezerStateOf(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/cgroup").Single(l => l.Split(':')[1].Split(',').Contains("freezer"));
        var mount = File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' '))
            .Single(f => f.Contains("cgroup") && f[^1].Split(',').Contains("freezer"))[4];
        return File.ReadAllText(Path.Combine(mount, line.Split(':')[2].TrimStart('/'), "freezer.state"))
            .Trim().ToLowerInvariant();
    }
}
