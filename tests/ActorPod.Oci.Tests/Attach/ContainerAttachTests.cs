using System.Text;
using ActorPod.Core.Naming;
using ActorPod.Messages.Model;
using ActorPod.Oci.Attach;

namespace ActorPod.Oci.Tests.Attach;

/// <summary>Attaching to a real container's conmon socket; needs root.</summary>
public sealed class ContainerAttachTests(BusyboxRootfs rootfs) : IClassFixture<BusyboxRootfs>, IAsyncLifetime
{
    private readonly RuntimeHarness _h = new(rootfs);
    private readonly List<string> _ids = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _ids)
        {
            await _h.Runtime.DeleteAsync(id, default);
        }

        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Attach_before_start_writes_stdin_and_reads_the_reply()
    {
        var (id, exit) = await CreateReaderAsync();
        await using var attach = await AttachConnection.ConnectAsync(
            Path.Combine(_h.Options.SocketDirectory, id, "attach"), default);

        await _h.Runtime.StartAsync(id, default);
        await attach.WriteStdinAsync("abc\n"u8.ToArray(), default);

        Assert.Equal("got:abc\n", await ReadAllStdoutAsync(attach));
        Assert.Equal(0, (await exit).ExitCode);
    }

    [Fact]
    public async Task A_socket_path_longer_than_sun_path_still_connects()
    {
        var (id, exit) = await CreateReaderAsync();
        var longDir = Path.Combine(_h.ContainerDir(id), new string('d', 100));
        Directory.CreateDirectory(longDir);
        var link = Path.Combine(longDir, "link");
        File.CreateSymbolicLink(link, Path.Combine(_h.ContainerDir(id), "bundle"));
        var path = Path.Combine(link, "attach");
        Assert.True(Encoding.UTF8.GetByteCount(path) > 108);

        await using var attach = await AttachConnection.ConnectAsync(path, default);
        await _h.Runtime.StartAsync(id, default);
        await attach.WriteStdinAsync("long\n"u8.ToArray(), default);

        Assert.Equal("got:long\n", await ReadAllStdoutAsync(attach));
        Assert.Equal(0, (await exit).ExitCode);
    }

    private async Task<(string Id, Task<RuntimeExit> Exit)> CreateReaderAsync()
    {
        var id = ContainerIds.New();
        _ids.Add(id);
        var exit = _h.ExitOf(id);
        var spec = new ContainerSpec
        {
            Image = "busybox", ImageId = "busybox", Args = ["sh", "-c", "read x; echo got:$x"], OpenStdin = true,
        };
        await _h.Runtime.CreateAsync(new RuntimeCreateRequest(id, spec, _h.Rootfs.Path, _h.ContainerDir(id)), default);
        return (id, exit);
    }

    private static async Task<string> ReadAllStdoutAsync(AttachConnection attach)
    {
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        await foreach (var frame in attach.ReadAllAsync(timeout.Token))
        {
            Assert.Equal(AttachStream.Stdout, frame.Stream);
            text.Append(Encoding.UTF8.GetString(frame.Data.Span));
        }

        return text.ToString();
    }
}
