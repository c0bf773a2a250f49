using System.Security.Cryptography;
using ActorPod.Core.Naming;

namespace ActorPod.Storage.Images;

/// <summary>sha256 digests in the <c>sha256:hex</c> form images use.</summary>
internal static class Digests
{
    public const string Prefix = "sha256:";

    public static bool IsSha256(string digest) =>
        digest.StartsWith(Prefix, StringComparison.Ordinal) && ContainerIds.IsFullId(digest[Prefix.Length..]);

    public static string Hex(string digest) => digest[Prefix.Length..];

    public static string HexOf(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
