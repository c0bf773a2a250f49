using ActorPod.Cli.Client;
using ActorPod.Cli.Terminal;

namespace ActorPod.Cli.Commands;

/// <summary>
/// What exec, attach, start -a and run -it share: a hijacked stream with the local terminal around it.
/// </summary>
public static class AttachedStreams
{
    /// <summary>
    /// Opens the hijacked <paramref name="path"/>, then (between open and streaming) calls
    /// <paramref name="afterOpen"/>, e.g. to start the container; returns true when the user detached.
    /// </summary>
    public static async Task<bool> RunAsync(DaemonClient client, string host, string path, string? body, bool stdin,
        bool tty, string? detachKeys, Func<Task>? afterOpen, Func<int, int, Task>? resize, CancellationToken ct)
    {
        var (socket, raw) = await HijackedStream.OpenAsync(host, path, body, ct);
        if (afterOpen is not null)
        {
            await afterOpen();
        }

        using var terminal = tty && stdin ? RawTerminal.Enter() : null;
        using var winch = tty && resize is not null ? TerminalSize.OnResize(() => _ = ResizeAsync(resize)) : null;
        if (tty && resize is not null)
        {
            await ResizeAsync(resize);
        }

        return await StreamSession.RunAsync(socket, raw, stdin, DetachKeySpec.Bytes(detachKeys), ct);
    }

    static async Task ResizeAsync(Func<int, int, Task> resize)
    {
        if (TerminalSize.Get() is not { } size)
        {
            return;
        }

        try
        {
            await resize(size.Height, size.Width);
        }
        catch (CliException)
        {
            // A resize that races the end of the process is harmless.
        }
    }

    public static string Query(bool stdin, string? detachKeys) =>
        $"?stream=1&stdout=1&stderr=1&stdin={(stdin ? 1 : 0)}"
        + (string.IsNullOrEmpty(detachKeys) ? "" : "&detachKeys=" + Uri.EscapeDataString(detachKeys));
}
