using System.Globalization;

namespace ActorPod.Core.Decisions;

/// <summary>Linux signal names and numbers, as <c>kill -s</c> and the Docker API accept them.</summary>
public static class Signals
{
    public const int Kill = 9;

    public const int Term = 15;

    static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
        "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM",
        "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    const int RtMin = 34;

    const int RtMax = 64;

    /// <summary>Parses <c>TERM</c>, <c>SIGTERM</c>, <c>sigterm</c>, <c>15</c>, <c>RTMIN+3</c>.</summary>
    public static bool TryParse(string? text, out int signal)
    {
        signal = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var name = text.Trim().ToUpperInvariant();
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            signal = number;
            return IsValid(number);
        }

        if (name.StartsWith("SIG", StringComparison.Ordinal))
        {
            name = name[3..];
        }

        var index = Array.IndexOf(Names, name);
        if (index > 0)
        {
            signal = index;
            return true;
        }

        return TryParseRealtime(name, out signal);
    }

    /// <summary>The name without its SIG prefix, or the number for realtime signals.</summary>
    public static string NameOf(int signal) =>
        signal > 0 && signal < Names.Length ? "SIG" + Names[signal] : signal.ToString(CultureInfo.InvariantCulture);

    static bool IsValid(int number) => number is > 0 and < 32 or >= RtMin and <= RtMax;

    static bool TryParseRealtime(string name, out int signal)
    {
        signal = 0;
        if (name == "RTMIN" || name == "RTMAX")
        {
            signal = name == "RTMIN" ? RtMin : RtMax;
            return true;
        }

        var plus = name.StartsWith("RTMIN+", StringComparison.Ordinal);
        var minus = name.StartsWith("RTMAX-", StringComparison.Ordinal);
        if ((!plus && !minus) || !int.TryParse(name[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        signal = plus ? RtMin + n : RtMax - n;
        return signal is >= RtMin and <= RtMax;
    }
}
