namespace ActorPod.Cli.Terminal;

/// <summary>
/// The CLI's reading of Docker's detach key spec, only to recognise a detach; the daemon validates the spec and
/// refuses a bad one with a 400.
/// </summary>
public static class DetachKeySpec
{
    public const string Default = "ctrl-p,ctrl-q";

    public static byte[] Bytes(string? spec)
    {
        var keys = (string.IsNullOrEmpty(spec) ? Default : spec).Split(',');
        return keys.Select(k => k.Length > 5 && k.StartsWith("ctrl-", StringComparison.OrdinalIgnoreCase)
                ? (byte)(char.ToLowerInvariant(k[^1]) is >= 'a' and <= 'z' and var c ? c - 'a' + 1 : 0)
                : (byte)(k.Length > 0 ? k[0] : 0))
            .ToArray();
    }
}
