using System.Runtime.InteropServices;
using System.Text;
using ActorPod.Core.Errors;

namespace ActorPod.Oci.Attach;

/// <summary>
/// conmon's control FIFO (<c>ctl</c> in its bundle directory, beside the attach socket): lines
/// <c>TYPE HEIGHT WIDTH</c>, type 1 resizes the terminal, type 2 reopens the log.
/// </summary>
public static class ConsoleControl
{
    private const int ResizeEvent = 1;
    private const int ReopenLogsEvent = 2;

    /// <summary>conmon ignores sizes outside 0..1000.</summary>
    public const int MaxDimension = 1000;

    /// <summary>Sets the terminal size of the process behind <paramref name="controlFifo"/>.</summary>
    public static void Resize(string controlFifo, int width, int height)
    {
        if (width is < 0 or > MaxDimension || height is < 0 or > MaxDimension)
        {
            throw ActorPodException.InvalidArgument(
                $"terminal size {width}x{height} is out of range: width and height must be 0 to {MaxDimension}");
        }

        Send(controlFifo, $"{ResizeEvent} {height} {width}\n");
    }

    /// <summary>Asks conmon to reopen its log file (after rotation).</summary>
    public static void ReopenLog(string controlFifo) => Send(controlFifo, $"{ReopenLogsEvent} 0 0\n");

    private static void Send(string controlFifo, string line)
    {
        // Non-blocking: opening a FIFO for writing would hang forever once conmon, its reader, is gone.
        var fd = AttachNative.Open(controlFifo, AttachNative.OWrOnly | AttachNative.ONonBlock | AttachNative.OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == AttachNative.ENxIo
                ? $"conmon no longer reads its control FIFO {controlFifo}: the process has exited"
                : $"cannot open conmon's control FIFO {controlFifo}: errno {errno}");
        }

        try
        {
            var bytes = Encoding.ASCII.GetBytes(line);
            if (AttachNative.Write(fd, bytes, (nuint)bytes.Length) != bytes.Length)
            {
                throw new IOException($"writing to conmon's control FIFO {controlFifo} failed: errno "
                    + Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            AttachNative.Close(fd);
        }
    }
}
