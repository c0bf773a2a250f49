namespace ActorPod.EndToEnd.Tests.Infrastructure;

/// <summary>Base of the end-to-end tests: names that cannot collide, and removal of what a test created.</summary>
public abstract class DaemonTest(DaemonFixture daemon) : IAsyncLifetime
{
    readonly List<string> _names = [];

    protected DaemonFixture Daemon { get; } = daemon;

    protected string NewName()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        _names.Add(name);
        return name;
    }

    protected Task<CommandResult> Cli(params string[] args) => Daemon.Cli(args);

    /// <summary>Runs the CLI and insists it succeeded.</summary>
    protected async Task<string> Ok(params string[] args)
    {
        var result = await Daemon.Cli(args);
        Assert.True(result.ExitCode == 0, $"actorpod {string.Join(' ', args)}: {result}");
        return result.Stdout.Trim();
    }

    /// <summary>Waits (bounded) until the container's log holds <paramref name="text"/>.</summary>
    protected async Task WaitForLogAsync(string container, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await Daemon.Cli("logs", container)).Stdout.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{container} never logged \"{text}\"");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var name in _names)
        {
            await Daemon.Cli("rm", "-f", name);
        }
    }
}
