using System.Globalization;

namespace ActorPod.Oci.Logs;

/// <summary>
/// Parses conmon's k8s-file log lines: <c>2026-12-03T16:51:15.123456789+00:00 stdout F text</c>, where the tag is
/// <c>F</c> for a full line and <c>P</c> for a partial one that the next line of the stream continues.
/// </summary>
public static class K8sFileLogParser
{
    /// <summary>Parses one line (without its trailing newline); null when it is not a k8s-file line.</summary>
    public static LogEntry? ParseLine(string line)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length < 3 || !TryParseTimestamp(parts[0], out var at))
        {
            return null;
        }

        LogStream? stream = parts[1] switch
        {
            "stdout" => LogStream.Stdout,
            "stderr" => LogStream.Stderr,
            _ => null,
        };
        if (stream is null || (parts[2] != "F" && parts[2] != "P"))
        {
            return null;
        }

        var partial = parts[2] == "P";
        var text = parts.Length == 4 ? parts[3] : "";
        return new LogEntry(parts[0], at, stream.Value, partial ? text : text + "\n", partial);
    }

    /// <summary>
    /// Parses an RFC 3339 timestamp with up to nine fractional digits. .NET keeps 100 ns ticks, so the last two
    /// digits are dropped: enough for since/until, and the raw text is kept for display.
    /// </summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        value = default;
        var dot = text.IndexOf('.');
        var normalized = text;
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var digits = text[(dot + 1)..end];
            digits = digits.Length > 7 ? digits[..7] : digits.PadRight(7, '0');
            normalized = text[..dot] + "." + digits + text[end..];
        }

        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
