using ActorPod.Oci.Native;

namespace ActorPod.Oci.Spec;

/// <summary>
/// Clamps resource limits to what this host allows: runc fails to start a container whose limit exceeds the
/// supervisor's own hard limit (podman's 1048576 open files meets a hard limit of 20000 on some hosts).
/// </summary>
public static class HostRlimits
{
    /// <summary>The supervisor's hard RLIMIT_NOFILE; unlimited when getrlimit fails.</summary>
    public static ulong NoFileHardLimit()
    {
        return LibC.GetRLimit(LibC.RlimitNoFile, out var limit) == 0 ? limit.Max : ulong.MaxValue;
    }

    /// <summary>RLIMIT_NOFILE of <paramref name="wanted"/>, capped at <paramref name="hostHard"/>.</summary>
    public static OciRlimit NoFile(ulong wanted, ulong hostHard)
    {
        var value = Math.Min(wanted, hostHard);
        return new OciRlimit("RLIMIT_NOFILE", value, value);
    }
}
