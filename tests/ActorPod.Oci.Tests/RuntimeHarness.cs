using ActorPod.Core.Naming;
using ActorPod.Messages.Model;

namespace ActorPod.Oci.Tests;

/// <summary>
/// One ConmonRuntime under a short temporary root (attach socket paths must stay under 108 bytes); deletes every
/// container it created and the root when disposed, whether the test passed or not.
/// </summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly List<string> _ids = [];
    private readonly string _root;

    public RuntimeHarness(BusyboxRootfs rootfs)
    {
        Rootfs = rootfs;
        _root = Directory.CreateTempSubdirectory("ap").FullName;
        Options = RuntimeOptions.ForRoot(_root);
        Runtime = new ConmonRuntime(Options);
    }

    public BusyboxRootfs Rootfs { get; }

    public RuntimeOptions Options { get; }

    public ConmonRuntime Runtime { get; }

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(15);

    public string ContainerDir(string id) => Path.Combine(_root, "ctr", id);

    /// <summary>Creates a container running <paramref name="args"/>, its exit task registered before start.</summary>
    public async Task<(string Id, RuntimeCreated Created, Task<RuntimeExit> Exit)> CreateAsync(params string[] args)
    {
        var id = ContainerIds.New();
        _ids.Add(id);
        var exit = ExitOf(id);
        var spec = new ContainerSpec { Image = "busybox", ImageId = "busybox", Args = args };
        var created = await Runtime.CreateAsync(new RuntimeCreateRequest(id, spec, Rootfs.Path, ContainerDir(id)),
            CancellationToken.None);
        return (id, created, exit);
    }

    public Task<RuntimeExit> ExitOf(string id)
    {
        var exit = new TaskCompletionSource<RuntimeExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        Runtime.Exited += e =>
        {
            if (e.ContainerId == id)
            {
                exit.TrySetResult(e);
            }
        };
        return exit.Task.WaitAsync(Timeout);
    }

    public int ConmonPid(string id) => int.Parse(File.ReadAllText(Path.Combine(ContainerDir(id), "conmon.pid")));

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _ids)
        {
            try
            {
                await Runtime.DeleteAsync(id, CancellationToken.None);
            }
            catch (Exception)
            {
                // Best effort: the next container must not be blocked by this one's cleanup.
            }
        }

        Runtime.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
