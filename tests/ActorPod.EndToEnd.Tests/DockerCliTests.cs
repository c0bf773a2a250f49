using System.Globalization;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests;

/// <summary>The docker CLI, unchanged, against actorpodd's socket.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DockerCliTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    async Task<string> Docker(params string[] args)
    {
        var result = await Daemon.Docker(args);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)}: {result}");
        return result.Stdout.Trim();
    }

    [Fact]
    public async Task Docker_version_reports_the_api_versions()
    {
        var version = await Docker("version", "--format", "{{.Server.APIVersion}} {{.Server.MinAPIVersion}}");

        Assert.Equal("1.47 1.24", version);
    }

    [Fact]
    public async Task Docker_load_and_images_list_the_loaded_image()
    {
        var load = await Docker("load", "-i", Daemon.ImageArchive);
        var images = await Docker("images", "--format", "{{.Repository}}:{{.Tag}}");

        Assert.Contains("busybox:latest", load);
        Assert.Contains("busybox:latest", images.Split('\n'));
    }

    [Fact]
    public async Task Docker_run_detached_then_stop_wait_and_remove()
    {
        var name = NewName();

        var id = await Docker("run", "-d", "--name", name, "busybox", "sleep", "1000");
        var status = await Docker("inspect", "-f", "{{.State.Status}} {{.Name}}", name);
        await Docker("stop", "-t", "1", name);
        var code = await Docker("wait", name);
        await Docker("rm", name);
        var gone = await Daemon.Docker("inspect", name);

        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.Equal($"running /{name}", status);
        Assert.Equal("137", code);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("No such", gone.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Docker_ps_filters_by_name_status_and_label()
    {
        var running = NewName();
        var exited = NewName();
        await Docker("run", "-d", "--name", running, "--label", "suite=docker", "busybox", "sleep", "1000");
        await Docker("create", "--name", exited, "--label", "suite=docker", "busybox", "true");

        var byName = await Docker("ps", "-a", "--filter", $"name={running}", "--format", "{{.Names}}");
        var live = await Docker("ps", "--filter", "label=suite=docker", "--format", "{{.Names}}");
        var created = await Docker("ps", "-a", "--filter", "status=created", "--filter", "label=suite=docker",
            "--format", "{{.Names}}");

        Assert.Equal(running, byName);
        Assert.Equal(running, live);
        Assert.Equal(exited, created);
    }

    [Fact]
    public async Task Docker_kill_sends_the_signal_and_rm_force_removes_a_running_container()
    {
        var name = NewName();
        await Docker("run", "-d", "--name", name, "busybox", "sleep", "1000");

        await Docker("kill", name);
        var code = await Docker("wait", name);
        var again = NewName();
        await Docker("run", "-d", "--name", again, "busybox", "sleep", "1000");
        await Docker("rm", "-f", again);

        Assert.Equal("137", code);
        Assert.Empty(await Docker("ps", "-a", "--filter", $"name={again}", "-q"));
    }

    [Fact]
    public async Task Docker_errors_name_the_missing_container_and_image()
    {
        var container = await Daemon.Docker("start", "no-such-thing");
        var image = await Daemon.Docker("create", "no-such-image");

        Assert.NotEqual(0, container.ExitCode);
        Assert.Contains("no such container: no-such-thing", container.Stderr);
        Assert.NotEqual(0, image.ExitCode);
        Assert.Contains("no-such-image", image.Stderr);
    }

    [Fact]
    public async Task Docker_events_replay_the_journal_between_since_and_until()
    {
        var name = NewName();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        await Docker("run", "-d", "--name", name, "busybox", "sh", "-c", "exit 4");
        await Docker("wait", name);
        await Docker("rm", name);
        var until = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds();

        var events = await Docker("events", "--since", Unix(since), "--until", Unix(until),
            "--filter", $"container={name}", "--format", "{{.Action}} {{.Actor.Attributes.exitCode}}");

        var actions = events.Split('\n').Select(line => line.Replace(" <no value>", "").Trim()).ToList();
        Assert.Equal(["create", "init", "start", "die 4", "destroy"], actions);
    }

    static string Unix(long seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
