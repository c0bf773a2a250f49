using System.Security.Cryptography;

namespace ActorPod.Core.Naming;

/// <summary>Container and exec ids: 64 lower-case hex characters, like Docker and podman.</summary>
public static class ContainerIds
{
    public const int Length = 64;

    /// <summary>Docker and podman show the first 12 characters.</summary>
    public const int ShortLength = 12;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    public static bool IsFullId(string text) => text.Length == Length && IsHex(text);

    public static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigitLower);

    public static string Short(string id) => id.Length > ShortLength ? id[..ShortLength] : id;
}
