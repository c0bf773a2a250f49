using ActorPod.EndToEnd.Tests.Infrastructure;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;

namespace ActorPod.EndToEnd.Tests;

/// <summary>Testcontainers for .NET, unchanged, with actorpodd as its Docker endpoint (Ryuk disabled).</summary>
[Collection(DaemonCollection.Name)]
public sealed class TestcontainersTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    static TestcontainersTests() => Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");

    [Fact]
    public async Task Generic_container_waits_for_its_log_message_then_execs_and_copies()
    {
        var container = new ContainerBuilder("busybox:latest")
            .WithDockerEndpoint(Daemon.Host)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithName(NewName())
            .WithCommand("sh", "-c", "echo booting; sleep 0.3; echo service ready; sleep 1000")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("service ready"))
            .WithCleanUp(false)
            .Build();

        await container.StartAsync();
        try
        {
            var exec = await container.ExecAsync(["sh", "-c", "echo to-out; echo to-err >&2; exit 7"]);
            await container.CopyAsync("copied by Testcontainers"u8.ToArray(), "/tmp/tc.txt");
            var copied = await container.ReadFileAsync("/tmp/tc.txt");

            Assert.Equal(7, exec.ExitCode);
            Assert.Equal("to-out\n", exec.Stdout);
            Assert.Equal("to-err\n", exec.Stderr);
            Assert.Equal("copied by Testcontainers", System.Text.Encoding.UTF8.GetString(copied));
        }
        finally
        {
            await container.DisposeAsync();
        }
    }

    [Fact]
    public async Task Exit_code_of_a_finished_container_is_reported()
    {
        var container = new ContainerBuilder("busybox:latest")
            .WithDockerEndpoint(Daemon.Host)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithName(NewName())
            .WithCommand("sh", "-c", "exit 12")
            .WithCleanUp(false)
            .Build();

        await container.StartAsync();
        try
        {
            Assert.Equal(12, await container.GetExitCodeAsync());
        }
        finally
        {
            await container.DisposeAsync();
        }
    }
}
