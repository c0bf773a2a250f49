using ActorPod.Oci.Native;

namespace ActorPod.Oci.Tests;

/// <summary>A tiny rootfs of busybox-static and its applet links, shared by the real-container tests.</summary>
public sealed class BusyboxRootfs : IDisposable
{
    private static readonly string[] Applets = ["sh", "echo", "sleep", "true", "false", "cat", "ls", "id"];

    public BusyboxRootfs()
    {
        // The test host adopts the daemonized conmons, as the supervisor does, so the tests can check reaping.
        ChildReaper.BecomeSubreaper();

        Path = Directory.CreateTempSubdirectory("ap-rootfs-").FullName;
        var bin = System.IO.Path.Combine(Path, "bin");
        Directory.CreateDirectory(bin);
        File.Copy("/bin/busybox", System.IO.Path.Combine(bin, "busybox"));
        foreach (var applet in Applets)
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(bin, applet), "busybox");
        }

        foreach (var dir in new[] { "etc", "proc", "sys", "dev", "tmp" })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, dir));
        }

        File.WriteAllText(System.IO.Path.Combine(Path, "etc", "passwd"), "root:x:0:0:root:/:/bin/sh\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "etc", "group"), "root:x:0:\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
