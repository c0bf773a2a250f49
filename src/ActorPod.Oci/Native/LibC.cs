using System.Runtime.InteropServices;

namespace ActorPod.Oci.Native;

/// <summary>The few libc calls the driver needs that the BCL does not offer.</summary>
internal static partial class LibC
{
    public const int RlimitNoFile = 7;

    public const int PrSetChildSubreaper = 36;

    public const int WNoHang = 1;

    public const int EChild = 10;

    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    public static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    public const int OWriteOnly = 0x1;
    public const int ONonBlock = 0x800;
    public const int OCloseOnExec = 0x80000;

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, out int status, int options);
}
