using System.Runtime.InteropServices;

namespace ActorPod.Cli.Terminal;

/// <summary>The local terminal's size, and a hook for its changes (SIGWINCH).</summary>
public static partial class TerminalSize
{
    const ulong TiocGWinSz = 0x5413;

    // .NET has no PosixSignal for SIGWINCH, but accepts Linux's raw number.
    const int SigWinch = 28;

    [StructLayout(LayoutKind.Sequential)]
    struct WinSize
    {
        public ushort Rows;
        public ushort Cols;
        public ushort XPixel;
        public ushort YPixel;
    }

    /// <summary>Height and width of the terminal on stdout or stdin, null when neither is one.</summary>
    public static (int Height, int Width)? Get()
    {
        foreach (var fd in new[] { 1, 0 })
        {
            if (IoCtl(fd, TiocGWinSz, out var size) == 0 && size.Cols > 0)
            {
                return (size.Rows, size.Cols);
            }
        }

        return null;
    }

    /// <summary>Calls <paramref name="onResize"/> on every SIGWINCH until disposed.</summary>
    public static IDisposable OnResize(Action onResize) =>
        System.Runtime.InteropServices.PosixSignalRegistration.Create((PosixSignal)SigWinch, ctx =>
        {
            ctx.Cancel = true;
            onResize();
        });

    [LibraryImport("libc", EntryPoint = "ioctl")]
    private static partial int IoCtl(int fd, ulong request, out WinSize size);
}
