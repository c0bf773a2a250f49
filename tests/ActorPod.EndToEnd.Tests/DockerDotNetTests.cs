using System.Formats.Tar;
using System.Text;
using ActorPod.EndToEnd.Tests.Infrastructure;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ActorPod.EndToEnd.Tests;

/// <summary>Docker.DotNet (the library Testcontainers for .NET is built on), unchanged, against actorpodd.</summary>
[Collection(DaemonCollection.Name)]
public sealed class DockerDotNetTests(DaemonFixture daemon) : DaemonTest(daemon), IDisposable
{
    readonly DockerClient _docker = new DockerClientBuilder().WithEndpoint(new Uri(daemon.Host)).Build();

    public void Dispose() => _docker.Dispose();

    async Task<string> RunAsync(string name, params string[] cmd)
    {
        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = "busybox", Name = name, Cmd = cmd,
        });
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    [Fact]
    public async Task Exit_code_of_a_finished_container_is_reported_by_wait_and_inspect()
    {
        var id = await RunAsync(NewName(), "sh", "-c", "exit 5");

        var wait = await _docker.Containers.WaitContainerAsync(id);
        var inspect = await _docker.Containers.InspectContainerAsync(id);

        Assert.Equal(5, wait.StatusCode);
        Assert.Equal(5, inspect.State!.ExitCode);
        Assert.Equal("exited", inspect.State.Status);
    }

    [Fact]
    public async Task Exec_reports_both_streams_and_its_exit_code()
    {
        var id = await RunAsync(NewName(), "sleep", "1000");
        var exec = await _docker.Exec.CreateContainerExecAsync(id, new ContainerExecCreateParameters
        {
            Cmd = ["sh", "-c", "echo out; echo err >&2; exit 3"], AttachStdout = true, AttachStderr = true,
        });

        using var stream = await _docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters());
        var (stdout, stderr) = await stream.ReadOutputToEndAsync(CancellationToken.None);
        var inspect = await _docker.Exec.InspectContainerExecAsync(exec.ID);

        Assert.Equal("out\n", stdout);
        Assert.Equal("err\n", stderr);
        Assert.Equal(3, inspect.ExitCode);
        Assert.False(inspect.Running);
    }

    [Fact]
    public async Task File_copied_in_is_read_back()
    {
        var id = await RunAsync(NewName(), "sleep", "1000");

        await _docker.Containers.ExtractArchiveToContainerAsync(id,
            new CopyToContainerParameters { Path = "/tmp" }, Tar("note.txt", "written by Docker.DotNet"));
        var archive = await _docker.Containers.GetArchiveFromContainerAsync(id,
            new ContainerPathStatParameters { Path = "/tmp/note.txt" }, statOnly: false);

        Assert.Equal("note.txt", archive.Stat!.Name);
        Assert.Equal("written by Docker.DotNet", await ReadSingleFileAsync(archive.Stream!));
    }

    [Fact]
    public async Task Logs_and_listing_show_the_container()
    {
        var name = NewName();
        var id = await RunAsync(name, "sh", "-c", "echo listed");
        await _docker.Containers.WaitContainerAsync(id);

        var list = await _docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["name"] = new Dictionary<string, bool> { [name] = true },
            },
        });
        using var logs = await _docker.Containers.GetContainerLogsAsync(id,
            new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, CancellationToken.None);
        var (stdout, _) = await logs.ReadOutputToEndAsync(CancellationToken.None);

        Assert.Equal(id, Assert.Single(list).ID);
        Assert.Equal("listed\n", stdout);
    }

    [Fact]
    public async Task Missing_container_is_a_not_found_exception()
    {
        await Assert.ThrowsAsync<DockerContainerNotFoundException>(
            () => _docker.Containers.InspectContainerAsync("no-such-container"));
    }

    static MemoryStream Tar(string name, string content)
    {
        var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            });
        }

        buffer.Position = 0;
        return buffer;
    }

    static async Task<string> ReadSingleFileAsync(Stream tar)
    {
        await using var reader = new TarReader(tar);
        var entry = await reader.GetNextEntryAsync() ?? throw new InvalidDataException("empty archive");
        using var text = new StreamReader(entry.DataStream!);
        return await text.ReadToEndAsync();
    }
}
