using System.Collections.Concurrent;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Exec;

[Collection(DaemonCollection.Name)]
public sealed class ExecStormTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    const int Clients = 8;
    const int ExecsPerClient = 20;

    [Fact]
    public async Task Execs_racing_pause_and_inspect_are_never_lost_and_leave_no_session_behind()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        var codes = new ConcurrentBag<(int Expected, int Actual)>();
        var refusals = 0;
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = Daemon.Http();
            for (var i = 0; i < ExecsPerClient; i++)
            {
                var expected = (c * ExecsPerClient + i) % 120;
                var execId = await RetryAsync(() => ExecApi.TryCreateAsync(http, name, "sh", "-c", $"exit {expected}"),
                    () => Interlocked.Increment(ref refusals), done.Token);
                await RetryAsync(async () => await ExecApi.TryStartAsync(http, execId, detach: false) ? "" : null,
                    () => Interlocked.Increment(ref refusals), done.Token);
                var inspect = await ExecApi.InspectAsync(http, execId);
                codes.Add((expected, inspect.GetProperty("ExitCode").GetInt32()));
            }
        })).ToList();
        var pauser = Task.Run(() => PauseUntilAsync(name, Task.WhenAll(clients)));

        await Task.WhenAll(clients);
        await pauser;

        Assert.Equal(Clients * ExecsPerClient, codes.Count);
        Assert.All(codes, c => Assert.Equal(c.Expected, c.Actual));
        using var check = Daemon.Http();
        Assert.Empty(await ExecApi.ExecIdsAsync(check, name));
        await AssertNoExecConmonsAsync();
    }

    async Task PauseUntilAsync(string name, Task clients)
    {
        using var http = Daemon.Http();
        while (!clients.IsCompleted)
        {
            (await http.PostAsync($"/containers/{name}/pause", null)).Dispose();
            await Task.Delay(30);
            (await http.GetAsync($"/containers/{name}/json")).Dispose();
            (await http.PostAsync($"/containers/{name}/unpause", null)).Dispose();
            await Task.Delay(120);
        }
    }

    static async Task<string> RetryAsync(Func<Task<string?>> attempt, Action refused, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (await attempt() is { } result)
            {
                return result;
            }

            refused();
            await Task.Delay(50, ct);
        }
    }

    async Task AssertNoExecConmonsAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ExecApi.ExecConmons(Daemon.Root).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Empty(ExecApi.ExecConmons(Daemon.Root));
    }
}
