using ActorPod.Storage.Native;

namespace ActorPod.Storage.Tests.Support;

/// <summary>A directory under /tmp that is unmounted and deleted on dispose, whatever the test did.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Join(System.IO.Path.GetTempPath(), "actorpod-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Join(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    public static IReadOnlyList<string> MountsUnder(string path) => File.ReadLines("/proc/self/mountinfo")
        .Select(l => l.Split(' ')[4])
        .Where(m => m.StartsWith(path, StringComparison.Ordinal))
        .ToList();

    public void Dispose()
    {
        foreach (var mount in MountsUnder(Path).Reverse())
        {
            LibC.Umount2(mount, LibC.MntDetach);
        }

        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
