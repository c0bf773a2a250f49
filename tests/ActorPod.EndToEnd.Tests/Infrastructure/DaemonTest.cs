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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var name in _names)
        {
            await Daemon.Cli("rm", "-f", name);
        }
    }
}
