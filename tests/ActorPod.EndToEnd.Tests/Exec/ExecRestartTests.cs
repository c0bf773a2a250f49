using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Exec;

/// <summary>Its own daemon: killing the shared one would break every other test running beside it.</summary>
[CollectionDefinition(Name)]
public sealed class ExecRestartCollection : ICollectionFixture<DaemonFixture>
{
    public const string Name = "daemon-exec-restart";
}

[Collection(ExecRestartCollection.Name)]
public sealed class ExecRestartTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    [Fact]
    public async Task A_session_running_while_the_daemon_dies_is_ended_with_its_real_code_after_the_restart()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        string execId;
        using (var http = Daemon.Http())
        {
            execId = (await ExecApi.TryCreateAsync(http, name, "sh", "-c", "sleep 3; exit 7"))!;
            Assert.True(await ExecApi.TryStartAsync(http, execId, detach: true));
        }

        await Daemon.KillDaemonAsync();
        await Daemon.StartDaemonAsync();

        using var after = Daemon.Http();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var inspect = await ExecApi.InspectAsync(after, execId);
        while (inspect.GetProperty("Running").GetBoolean() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            inspect = await ExecApi.InspectAsync(after, execId);
        }

        Assert.False(inspect.GetProperty("Running").GetBoolean());
        Assert.Equal(7, inspect.GetProperty("ExitCode").GetInt32());
        Assert.Empty(await ExecApi.ExecIdsAsync(after, name));
    }
}
