using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests;

/// <summary><c>docker cp</c> through the archive API, into created and running containers and back out.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DockerCopyTests(DaemonFixture daemon) : DaemonTest(daemon), IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("ape-cp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    async Task Docker(params string[] args)
    {
        var result = await Daemon.Docker(args);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', args)}: {result}");
    }

    [Fact]
    public async Task File_copied_into_a_created_container_is_read_by_its_command()
    {
        var name = NewName();
        var source = Path.Combine(_dir, "greeting.txt");
        await File.WriteAllTextAsync(source, "copied before start\n");
        await Docker("create", "--name", name, "busybox", "cat", "/tmp/greeting.txt");

        await Docker("cp", source, $"{name}:/tmp/greeting.txt");
        await Docker("start", name);
        await Ok("wait", name);

        Assert.Equal("copied before start\n", (await Cli("logs", name)).Stdout);
    }

    [Fact]
    public async Task Directory_copied_out_of_a_running_container_keeps_its_files()
    {
        var name = NewName();
        await Docker("run", "-d", "--name", name, "busybox", "sh", "-c",
            "mkdir -p /out/sub && echo a > /out/a.txt && echo b > /out/sub/b.txt && echo ready && sleep 1000");
        await WaitForLogAsync(name, "ready");

        await Docker("cp", $"{name}:/out", _dir);

        Assert.Equal("a\n", await File.ReadAllTextAsync(Path.Combine(_dir, "out", "a.txt")));
        Assert.Equal("b\n", await File.ReadAllTextAsync(Path.Combine(_dir, "out", "sub", "b.txt")));
    }

    [Fact]
    public async Task Copy_of_a_missing_path_names_it()
    {
        var name = NewName();
        await Docker("create", "--name", name, "busybox", "true");

        var result = await Daemon.Docker("cp", $"{name}:/no/such/file", _dir);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Could not find the file /no/such/file", result.Stderr);
    }
}
