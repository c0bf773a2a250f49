namespace ActorPod.Oci.Logs;

/// <summary>Which of the container's output streams a log entry came from.</summary>
public enum LogStream
{
    Stdout = 1,
    Stderr = 2,
}

/// <summary>
/// One entry of a k8s-file log: the raw text of its timestamp (kept for nanosecond output), the parsed instant, the
/// stream and the content. <paramref name="Partial"/> is true for a <c>P</c> line, whose text continues in the next
/// line of the same stream; a complete line's <paramref name="Content"/> ends with <c>\n</c>.
/// </summary>
public sealed record LogEntry(string TimestampText, DateTimeOffset Timestamp, LogStream Stream, string Content,
    bool Partial = false);
