using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.IssueFour;

[CollectionDefinition(Name)]
public sealed class CrashCollection : ICollectionFixture<DaemonFixture>
{
    public const string Name = "daemon-crash";
}

/// <summary>The daemon is SIGKILLed with containers in every situation; a new daemon must tell each one's
/// truth.</summary>
[Collection(CrashCollection.Name)]
public sealed class CrashRecoveryTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    sealed record Planned(string Name, string Kind, int Code);

    async Task<List<Planned>> StartFleetAsync()
    {
        var fleet = new List<Planned>();
        async Task Run(string kind, int code, params string[] args)
        {
            var name = NewName();
            await Ok(["run", "-d", "--name", name, .. args]);
            fleet.Add(new Planned(name, kind, code));
        }

        for (var i = 0; i < 6; i++)
        {
            await Run("sleeper", 0, "busybox", "sleep", "1000");
            await Run("short", 10 + i, "busybox", "sh", "-c", $"sleep 2; exit {10 + i}");
        }

        for (var i = 0; i < 3; i++)
        {
            await Run("always", 0, "--restart", "always", "busybox", "sh", "-c", "sleep 2; exit 1");
        }

        for (var i = 0; i < 2; i++)
        {
            await Run("on-failure", 7, "--restart", "on-failure:1", "busybox", "sh", "-c", "sleep 2; exit 7");
        }

        await Run("unless-stopped", 0, "--restart", "unless-stopped", "busybox", "sleep", "1000");
        await Run("user-stopped", 137, "--restart", "unless-stopped", "busybox", "sleep", "1000");
        await Ok("stop", "-t", "0", fleet[^1].Name);
        return fleet;
    }

    async Task<string> State(string name) => await Ok("inspect", "--format",
        "{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}", name);

    async Task<string> EventuallyAsync(string name, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var state = await State(name);
        while (!done(state) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            state = await State(name);
        }

        return state;
    }

    [Fact]
    public async Task Every_container_tells_its_truth_after_the_daemon_was_killed()
    {
        var fleet = await StartFleetAsync();
        await Daemon.KillDaemonAsync();
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await Daemon.StartDaemonAsync();

        foreach (var c in fleet)
        {
            switch (c.Kind)
            {
                case "sleeper" or "unless-stopped":
                    Assert.Equal("running 0 0", await State(c.Name));
                    break;
                case "short":
                    Assert.Equal($"exited {c.Code} 0", await State(c.Name));
                    var finished = DateTimeOffset.Parse(await Ok("inspect", "--format", "{{.State.FinishedAt}}",
                        c.Name), System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(finished < down.AddSeconds(4), $"{c.Name} finished at {finished}, daemon down {down}");
                    break;
                case "always":
                    var always = await EventuallyAsync(c.Name, s => !s.EndsWith(" 0", StringComparison.Ordinal));
                    Assert.NotEqual("0", always.Split(' ')[2]);
                    break;
                case "on-failure":
                    Assert.Equal("exited 7 1", await EventuallyAsync(c.Name, s => s == "exited 7 1"));
                    break;
                case "user-stopped":
                    Assert.Equal("exited 137 0", await State(c.Name));
                    break;
            }
        }
    }

    [Fact]
    public async Task A_journal_copied_mid_run_loads_and_foreign_containers_are_reported_vanished()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        var exited = NewName();
        Assert.Equal(5, (await Cli("run", "--name", exited, "busybox", "sh", "-c", "exit 5")).ExitCode);

        var copy = new DaemonFixture();
        var db = Path.Combine(Daemon.Root, "root", "actorpod.db");
        Directory.CreateDirectory(Path.Combine(copy.Root, "root"));
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            if (File.Exists(db + suffix))
            {
                File.Copy(db + suffix, Path.Combine(copy.Root, "root", "actorpod.db" + suffix));
            }
        }

        try
        {
            await copy.InitializeAsync();
            // Reconciliation runs after recovery, off the mailbox: inspect may answer before it is done.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            CommandResult inspect;
            do
            {
                await Task.Delay(200);
                inspect = await copy.Cli("inspect", "--format",
                    "{{.State.Status}} {{.State.ExitCode}}|{{.State.Error}}", name);
            }
            while (inspect.Stdout.StartsWith("running", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

            Assert.True(inspect.ExitCode == 0, inspect.ToString());
            Assert.StartsWith("exited 255|", inspect.Stdout.Trim());
            Assert.Contains("vanished", inspect.Stdout);
            Assert.StartsWith("exited 5",
                (await copy.Cli("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", exited)).Stdout);
        }
        finally
        {
            await copy.DisposeAsync();
        }

        Assert.Equal("running", await Ok("inspect", "--format", "{{.State.Status}}", name));
    }
}
