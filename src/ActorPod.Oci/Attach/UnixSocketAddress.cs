using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ActorPod.Oci.Attach;

/// <summary>
/// Connects to a unix socket whatever its path length: a path past the 107 bytes of <c>sun_path</c> is reached
/// through <c>/proc/self/fd/N/NAME</c> of its directory opened with O_PATH, as conmon itself binds it.
/// </summary>
internal static class UnixSocketAddress
{
    private const int MaxPathBytes = 107;

    public static async Task ConnectAsync(Socket socket, string path, CancellationToken ct)
    {
        if (Encoding.UTF8.GetByteCount(path) <= MaxPathBytes)
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            return;
        }

        var dir = Path.GetDirectoryName(path) ?? "/";
        var fd = AttachNative.Open(dir, AttachNative.OPath | AttachNative.OCloExec);
        if (fd < 0)
        {
            throw new IOException($"cannot open the directory of attach socket {path}: errno "
                + Marshal.GetLastPInvokeError());
        }

        try
        {
            var shortPath = $"/proc/self/fd/{fd}/{Path.GetFileName(path)}";
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(shortPath), ct);
        }
        finally
        {
            AttachNative.Close(fd);
        }
    }
}
