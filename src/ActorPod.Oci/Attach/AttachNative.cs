using System.Runtime.InteropServices;

namespace ActorPod.Oci.Attach;

/// <summary>open(2), write(2), close(2): .NET opens neither O_PATH directories nor FIFOs non-blocking.</summary>
internal static partial class AttachNative
{
    public const int OWrOnly = 0x1;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;
    public const int OPath = 0x200000;
    public const int ENxIo = 6;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
