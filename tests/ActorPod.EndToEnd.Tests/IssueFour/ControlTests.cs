using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.IssueFour;

[Collection(DaemonCollection.Name)]
public sealed class ControlTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    async Task<string> Id(string name) => await Ok("inspect", "--format", "{{.Id}}", name);

    async Task<string> Status(string name) => await Ok("inspect", "--format", "{{.State.Status}}", name);

    [Fact]
    public async Task Pause_and_unpause_freeze_and_thaw_a_running_container()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");

        await Ok("pause", name);
        Assert.Equal("paused", await Status(name));
        await Ok("unpause", name);
        Assert.Equal("running", await Status(name));
    }

    [Fact]
    public async Task Pause_of_a_stopped_container_is_refused_with_its_state()
    {
        var name = NewName();
        await Ok("create", "--name", name, "busybox", "true");
        var id = await Id(name);

        var pause = await Cli("pause", name);

        Assert.Equal(125, pause.ExitCode);
        Assert.Contains($"cannot pause container {id}: it is created, not running", pause.Stderr);
    }

    [Fact]
    public async Task A_paused_container_is_stopped_and_removed_with_force()
    {
        var stopped = NewName();
        await Ok("run", "-d", "--name", stopped, "busybox", "sleep", "1000");
        await Ok("pause", stopped);
        await Ok("stop", "-t", "1", stopped);
        Assert.Equal("exited 137", await Ok("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", stopped));

        var removed = NewName();
        await Ok("run", "-d", "--name", removed, "busybox", "sleep", "1000");
        await Ok("pause", removed);
        await Ok("rm", "-f", removed);
        Assert.Equal(125, (await Cli("inspect", removed)).ExitCode);
    }

    [Fact]
    public async Task Restart_stops_and_starts_again_without_counting()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        var before = await Ok("inspect", "--format", "{{.State.StartedAt}}", name);

        await Ok("restart", "-t", "1", name);

        Assert.Equal("running", await Status(name));
        Assert.NotEqual(before, await Ok("inspect", "--format", "{{.State.StartedAt}}", name));
        Assert.Equal("0", await Ok("inspect", "--format", "{{.RestartCount}}", name));
    }

    [Fact]
    public async Task Restart_of_a_paused_container_is_refused()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        await Ok("pause", name);

        var restart = await Cli("restart", name);

        Assert.Equal(125, restart.ExitCode);
        Assert.Contains($"cannot restart container {await Id(name)}: it is paused", restart.Stderr);
        Assert.Contains("unpause it first", restart.Stderr);
    }

    [Fact]
    public async Task Wait_for_conditions_running_and_paused()
    {
        var name = NewName();
        await Ok("create", "--name", name, "busybox", "sleep", "1000");
        var running = Cli("wait", "--condition", "running", name);
        await Task.Delay(300);
        Assert.False(running.IsCompleted);

        await Ok("start", name);
        Assert.Equal(0, (await running).ExitCode);

        var paused = Cli("wait", "--condition", "paused", name);
        await Ok("pause", name);
        Assert.Equal(0, (await paused).ExitCode);
    }

    [Fact]
    public async Task On_failure_policy_restarts_up_to_its_limit()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 3");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await Ok("inspect", "--format", "{{.RestartCount}}", name) != "2")
        {
            await Task.Delay(100);
        }

        await Task.Delay(1500);
        Assert.Equal("exited 3 2 false", await Ok("inspect", "--format",
            "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}} {{.State.Restarting}}", name));
    }

    [Fact]
    public async Task Always_policy_does_not_undo_a_users_stop()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "--restart", "always", "busybox", "sleep", "1000");

        await Ok("stop", "-t", "0", name);
        await Task.Delay(1000);

        Assert.Equal("exited", await Status(name));
        Assert.Equal("always", await Ok("inspect", "--format", "{{.HostConfig.RestartPolicy.Name}}", name));
    }

    [Fact]
    public async Task Mount_unmount_and_the_refusal_to_unmount_a_running_container()
    {
        var name = NewName();
        await Ok("create", "--name", name, "busybox", "sleep", "1000");

        var path = await Ok("mount", name);
        Assert.True(File.Exists(Path.Combine(path, "bin", "busybox")), $"no busybox under {path}");
        await Ok("unmount", name);
        Assert.False(File.Exists(Path.Combine(path, "bin", "busybox")), $"{path} still mounted");

        await Ok("start", name);
        var unmount = await Cli("unmount", name);
        Assert.Equal(125, unmount.ExitCode);
        Assert.Contains($"cannot unmount container {await Id(name)}: it is running, not created, initialized or " +
            "exited", unmount.Stderr);

        var cleanup = await Cli("cleanup", name);
        Assert.Contains("cannot clean up container", cleanup.Stderr);
        await Ok("stop", "-t", "0", name);
        await Ok("cleanup", name);
        await Ok("start", name);
        Assert.Equal("running", await Status(name));
    }

    [Fact]
    public async Task Export_writes_the_merged_tree_as_a_tar()
    {
        var name = NewName();
        await Ok("run", "--name", name, "busybox", "sh", "-c", "echo exported > /marker");
        var file = Path.Combine(Daemon.Root, name + ".tar");

        await Ok("export", "-o", file, name);

        using var reader = new System.Formats.Tar.TarReader(File.OpenRead(file));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name.TrimStart('.', '/'));
        }

        Assert.Contains("marker", names);
        Assert.Contains("bin/busybox", names);
    }

    [Fact]
    public async Task History_lists_every_state_change_in_order()
    {
        var name = NewName();
        Assert.Equal(4, (await Cli("run", "--name", name, "busybox", "sh", "-c", "exit 4")).ExitCode);

        var history = await Ok("history", name);

        var events = history.Split('\n').Skip(1).Select(l => l.Split("   ", StringSplitOptions.RemoveEmptyEntries)[2]
            .Trim()).ToList();
        Assert.Equal(["container-created", "container-initialized", "container-started", "container-exited"], events);
        Assert.Contains("exited with code 4", history);
    }

    [Fact]
    public async Task Dependencies_are_started_first_and_protect_against_removal()
    {
        var db = NewName();
        var web = NewName();
        await Ok("create", "--name", db, "busybox", "sleep", "1000");
        await Ok("create", "--name", web, "--requires", db, "busybox", "sleep", "1000");

        var refused = await Cli("start", "--no-deps", web);
        Assert.Equal(125, refused.ExitCode);
        Assert.Contains($"it requires containers that are not running: {db}", refused.Stderr);

        await Ok("start", web);
        Assert.Equal("running", await Status(db));

        var rm = await Cli("rm", "-f", db);
        Assert.Equal(125, rm.ExitCode);
        Assert.Contains($"containers {web} depend on it; remove them first", rm.Stderr);
        await Ok("rm", "-f", web);
        await Ok("rm", "-f", db);
    }

    [Fact]
    public async Task Artifacts_are_stored_read_removed_and_names_cannot_escape()
    {
        var name = NewName();
        await Ok("create", "--name", name, "busybox", "true");
        using var http = Daemon.Http();
        var path = $"/actorpod/containers/{name}/artifacts/report.txt";

        Assert.Equal(201, (int)(await http.PutAsync(path, new StringContent("hello"))).StatusCode);
        Assert.Equal("hello", await http.GetStringAsync(path));
        Assert.Equal(204, (int)(await http.DeleteAsync(path)).StatusCode);
        Assert.Equal(404, (int)(await http.GetAsync(path)).StatusCode);

        var bad = await http.PutAsync($"/actorpod/containers/{name}/artifacts/a..b", new StringContent("x"));
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("invalid artifact name", await bad.Content.ReadAsStringAsync());
    }
}
