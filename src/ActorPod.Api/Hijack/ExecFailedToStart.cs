namespace ActorPod.Api.Hijack;

/// <summary>
/// An attached exec whose process could not start (a missing or non-executable command). Docker reports this after
/// the upgrade, as text in the stream, and clients then read the exit code (127 or 126) from the exec's inspect;
/// the docker CLI relies on it, where an HTTP error before the upgrade reads as "unable to upgrade". The text goes
/// to the stderr stream (Docker writes it to stdout) so that it reads as an error in a terminal and in scripts.
/// </summary>
public sealed class ExecFailedToStart(string message, bool tty) : Exception(message)
{
    /// <summary>Whether the exec has a terminal, so the message goes out raw rather than framed.</summary>
    public bool Tty { get; } = tty;

    /// <summary>The message as the stream carries it: raw on a terminal, else a stderr frame.</summary>
    public byte[] StreamBytes()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(Message + "\r\n");
        return Tty ? text : ActorPod.Api.Http.StreamFrames.Frame(2, text);
    }
}
