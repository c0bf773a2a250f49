using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActorPod.Oci.Runc;

/// <summary>Extracts runc's own words from what it wrote to stderr, to be quoted in an error.</summary>
public static partial class RuncErrors
{
    /// <summary>
    /// The <c>msg</c> of the last logrus line (<c>time="..." level=error msg="..."</c>, or its JSON form),
    /// else the last non-empty line, else null.
    /// </summary>
    public static string? LastMessage(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (Extract(lines[i]) is { } message)
            {
                return message;
            }
        }

        return lines.Length > 0 ? lines[^1] : null;
    }

    /// <summary>True when runc's message says it knows no container by that id.</summary>
    public static bool IsNotFound(string? message) =>
        message is not null && message.Contains("does not exist", StringComparison.OrdinalIgnoreCase);

    private static string? Extract(string line)
    {
        if (line.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                return doc.RootElement.TryGetProperty("msg", out var msg) ? msg.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var match = MsgPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["quoted"].Success
            ? Regex.Unescape(match.Groups["quoted"].Value)
            : match.Groups["bare"].Value;
    }

    [GeneratedRegex("""\bmsg=(?:"(?<quoted>(?:[^"\\]|\\.)*)"|(?<bare>\S+))""")]
    private static partial Regex MsgPattern();
}
