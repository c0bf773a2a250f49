using ActorPod.Core.Errors;

namespace ActorPod.Oci.Attach;

/// <summary>
/// Parses detach key specs like Docker's <c>--detach-keys</c>: comma-separated items, each a single character or
/// <c>ctrl-X</c> with X one of a-z, @, [, \, ], ^, _ (the control codes 0 to 31).
/// </summary>
public static class DetachKeys
{
    /// <summary>Docker's and podman's default.</summary>
    public const string Default = "ctrl-p,ctrl-q";

    private const string CtrlPrefix = "ctrl-";

    /// <summary>The byte sequence of <paramref name="spec"/>; throws InvalidArgument naming the bad key.</summary>
    public static byte[] Parse(string spec)
    {
        if (string.IsNullOrEmpty(spec))
        {
            throw ActorPodException.InvalidArgument("detach keys must not be empty");
        }

        return spec.Split(',').Select(key => ParseKey(key, spec)).ToArray();
    }

    private static byte ParseKey(string key, string spec)
    {
        if (key.Length == 0)
        {
            throw Bad(key, spec, "an empty key");
        }

        if (key.Length == 1)
        {
            return key[0] <= 0x7f ? (byte)key[0] : throw Bad(key, spec, "not an ASCII character");
        }

        if (!key.StartsWith(CtrlPrefix, StringComparison.OrdinalIgnoreCase) || key.Length != CtrlPrefix.Length + 1)
        {
            throw Bad(key, spec, "neither a single character nor ctrl-<key>");
        }

        var c = char.ToLowerInvariant(key[^1]);
        return c switch
        {
            >= 'a' and <= 'z' => (byte)(c - 'a' + 1),
            '@' => 0,
            '[' => 27,
            '\\' => 28,
            ']' => 29,
            '^' => 30,
            '_' => 31,
            _ => throw Bad(key, spec, "ctrl- takes a-z, @, [, \\, ], ^ or _"),
        };
    }

    private static ActorPodException Bad(string key, string spec, string why) =>
        ActorPodException.InvalidArgument($"invalid detach key \"{key}\" in \"{spec}\": {why}");
}
