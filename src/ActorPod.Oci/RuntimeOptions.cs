namespace ActorPod.Oci;

/// <summary>
/// Where the conmon + runc driver finds its tools and keeps its state. Build it with <see cref="ForRoot"/> so every
/// directory derives from one root; paths under <see cref="SocketDirectory"/> must stay short because a unix
/// socket path is limited to 108 bytes and conmon appends the container id to it.
/// </summary>
public sealed record RuntimeOptions
{
    /// <summary>The OCI runtime binary; conmon is told to run this one too.</summary>
    public string RuncPath { get; init; } = "/usr/sbin/runc";

    public string ConmonPath { get; init; } = "/usr/bin/conmon";

    /// <summary>runc's private state root (<c>runc --root</c>), so other users of runc never show up.</summary>
    public required string RuntimeRoot { get; init; }

    /// <summary>conmon writes a file named after the container id here when the container exits.</summary>
    public required string ExitDirectory { get; init; }

    /// <summary>conmon's attach sockets, one directory per container.</summary>
    public required string SocketDirectory { get; init; }

    /// <summary>Cgroupfs parent of all containers' cgroups: a container lands in <c>{CgroupParent}/{id}</c>.</summary>
    public string CgroupParent { get; init; } = "/actorpod";

    /// <summary>
    /// A seccomp profile in OCI form (the <c>linux.seccomp</c> object) copied into every bundle. None by default:
    /// Debian ships no profile in that form, so containers run without a syscall filter unless one is configured.
    /// </summary>
    public string? SeccompProfilePath { get; init; }

    /// <summary>conmon's own <c>--log-level</c> (error, warn, info, debug).</summary>
    public string ConmonLogLevel { get; init; } = "info";

    /// <summary>How long to wait for conmon to report the pid of <c>runc create</c>.</summary>
    public TimeSpan CreateTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A runtime laid out under <paramref name="root"/>: <c>runc/</c>, <c>exits/</c>, <c>sock/</c>.</summary>
    public static RuntimeOptions ForRoot(string root) => new()
    {
        RuntimeRoot = Path.Combine(root, "runc"),
        ExitDirectory = Path.Combine(root, "exits"),
        SocketDirectory = Path.Combine(root, "sock"),
    };

    /// <summary>Creates the state directories (mode 0700: they hold control sockets of root's containers).</summary>
    public void EnsureDirectories()
    {
        foreach (var dir in new[] { RuntimeRoot, ExitDirectory, SocketDirectory })
        {
            var info = Directory.CreateDirectory(dir);
            if (!OperatingSystem.IsWindows())
            {
                info.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            }
        }
    }
}
