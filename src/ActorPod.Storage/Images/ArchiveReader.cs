using System.Text.Json;
using ActorPod.Core.Errors;
using ActorPod.Storage.Tar;

namespace ActorPod.Storage.Images;

/// <summary>One image found in an unpacked archive: host paths of its config and layer blobs, and its tags.</summary>
internal sealed record ArchiveImage(string ConfigPath, IReadOnlyList<string> LayerPaths, IReadOnlyList<string> Tags);

/// <summary>
/// Finds the images in an unpacked archive. A docker-archive has manifest.json (docker 25+ points it into
/// blobs/sha256, older versions into per-layer directories); an OCI layout has only index.json. Docker 25+ writes
/// both, and manifest.json carries the tags, so it wins.
/// </summary>
internal static class ArchiveReader
{
    public static IReadOnlyList<ArchiveImage> Read(string directory)
    {
        try
        {
            if (File.Exists(Path.Join(directory, "manifest.json")))
            {
                return DockerManifest.Read(directory);
            }

            if (File.Exists(Path.Join(directory, "index.json")))
            {
                return OciLayout.Read(directory);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw ActorPodException.InvalidArgument($"malformed image archive: {e.Message}");
        }

        throw ActorPodException.InvalidArgument(
            "not an image archive: expected manifest.json (docker save) or index.json (OCI layout) at its root");
    }

    /// <summary>Resolves a path named inside the archive to an existing file in it, without leaving it.</summary>
    public static string BlobPath(string directory, string path, int hops = 0)
    {
        var parts = EntryPaths.Split(path, path);
        if (parts.Length == 0 || hops > 8)
        {
            throw ActorPodException.InvalidArgument($"image archive names '{path}'; expected a file inside it");
        }

        var parent = InRootResolver.ResolveDirectory(directory, parts[..^1], path, create: false);
        var file = Path.Join(parent, parts[^1]);
        if (new FileInfo(file).LinkTarget is { } target)
        {
            // docker save links a layer it wrote already; follow such a link only inside the archive.
            var joined = Path.GetFullPath(Path.Join(Path.GetDirectoryName(file), target.TrimStart('/')));
            return BlobPath(directory, Path.GetRelativePath(directory, joined), hops + 1);
        }

        return File.Exists(file)
            ? file
            : throw ActorPodException.InvalidArgument($"image archive names '{path}', which it does not contain");
    }
}
