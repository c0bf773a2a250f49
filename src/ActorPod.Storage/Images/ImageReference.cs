using System.Text.RegularExpressions;
using ActorPod.Core.Errors;

namespace ActorPod.Storage.Images;

/// <summary>Image names as the store keeps them: the short <c>name:tag</c> form Docker shows.</summary>
internal static partial class ImageReference
{
    // Docker Hub's long forms and podman's localhost/ prefix name the same short image.
    private static readonly string[] DefaultPrefixes =
        ["docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/", "localhost/"];

    /// <summary>Normalises <c>name</c>, <c>name:tag</c> and their long forms to <c>name:tag</c>; null when the text
    /// is not a tag reference (digest references included).</summary>
    public static string? TryNormalize(string reference)
    {
        var text = reference.Trim();
        foreach (var prefix in DefaultPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                text = text[prefix.Length..];
                break;
            }
        }

        var slash = text.LastIndexOf('/');
        var colon = text.LastIndexOf(':');
        var (name, tag) = colon > slash ? (text[..colon], text[(colon + 1)..]) : (text, "latest");
        return NamePattern().IsMatch(name) && TagPattern().IsMatch(tag) ? $"{name}:{tag}" : null;
    }

    /// <summary>Like <see cref="TryNormalize"/>, throwing InvalidArgument for a malformed reference.</summary>
    public static string Normalize(string reference) =>
        TryNormalize(reference) ?? throw ActorPodException.InvalidArgument(
            $"invalid image reference '{reference}': expected name[:tag] with a lower-case name");

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*(:[0-9]+)?(/[a-z0-9][a-z0-9._-]*)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();
}
