using System.Runtime.InteropServices;

namespace ActorPod.Storage.Native;

/// <summary>Linux system calls the BCL does not wrap: mounts, device nodes, ownership, xattrs, links.</summary>
internal static partial class LibC
{
    public const uint SIfChr = 0x2000;
    public const uint SIfBlk = 0x6000;
    public const uint SIfIfo = 0x1000;
    public const int MntDetach = 2;
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int EInval = 22;
    public const int EBusy = 16;
    public const int ENoEnt = 2;

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string source, string target, string fsType, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Umount2(string target, int flags);

    [LibraryImport("libc", EntryPoint = "mknod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mknod(string path, uint mode, ulong dev);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Lchown(string path, int uid, int gid);

    [LibraryImport("libc", EntryPoint = "chmod", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Chmod(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "setxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetXattr(string path, string name, byte[] value, nuint size, int flags);

    [LibraryImport("libc", EntryPoint = "getxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetXattr(string path, string name, byte[] value, nuint size);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Utimensat(int dirFd, string path, TimeSpec[] times, int flags);

    /// <summary>glibc's <c>gnu_dev_makedev</c> encoding of a device number.</summary>
    public static ulong MakeDev(uint major, uint minor) =>
        ((ulong)(major & 0xfffff000) << 32) | ((ulong)(major & 0xfff) << 8)
        | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xff);

    /// <summary>The text of the errno the last call left.</summary>
    public static string LastError()
    {
        var errno = Marshal.GetLastPInvokeError();
        return $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
    }

    /// <summary>Throws with the errno text when a call returned -1.</summary>
    public static void Check(int result, string what)
    {
        if (result == 0)
        {
            return;
        }

        var errno = Marshal.GetLastPInvokeError();
        throw new IOException($"{what}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
    }
}

/// <summary>struct timespec on 64-bit Linux.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TimeSpec
{
    public long Seconds;
    public long Nanoseconds;
}
