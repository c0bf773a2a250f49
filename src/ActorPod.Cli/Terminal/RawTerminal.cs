using System.Runtime.InteropServices;

namespace ActorPod.Cli.Terminal;

/// <summary>
/// Puts the local terminal in raw mode (no echo, no line editing, no signals from ctrl-c) so every key reaches the
/// container's tty; <see cref="Dispose"/> restores it. Does nothing when stdin is not a terminal.
/// </summary>
public sealed partial class RawTerminal : IDisposable
{
    // struct termios is 60 bytes on Linux; the buffer leaves room.
    const int TermiosSize = 64;
    const int StdinFd = 0;
    readonly byte[]? _saved;

    RawTerminal(byte[]? saved) => _saved = saved;

    public static bool IsTerminal(int fd) => IsAtty(fd) == 1;

    public static RawTerminal Enter()
    {
        var saved = new byte[TermiosSize];
        if (!IsTerminal(StdinFd) || TcGetAttr(StdinFd, saved) != 0)
        {
            return new RawTerminal(null);
        }

        var raw = (byte[])saved.Clone();
        CfMakeRaw(raw);
        TcSetAttr(StdinFd, 0, raw);
        return new RawTerminal(saved);
    }

    public void Dispose()
    {
        if (_saved is not null)
        {
            TcSetAttr(StdinFd, 0, _saved);
        }
    }

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsAtty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int TcGetAttr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int TcSetAttr(int fd, int actions, byte[] termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    private static partial void CfMakeRaw(byte[] termios);
}
