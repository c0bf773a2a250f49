using System.Runtime.InteropServices;

namespace ActorPod.Oci.Exec;

/// <summary>kill(2), for a conmon whose session is abandoned before it started.</summary>
internal static partial class ExecNative
{
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
