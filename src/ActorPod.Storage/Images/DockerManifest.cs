using System.Text.Json;
using ActorPod.Core.Errors;

namespace ActorPod.Storage.Images;

/// <summary>manifest.json of <c>docker save</c>: an array of { Config, RepoTags, Layers } with archive paths.</summary>
internal static class DockerManifest
{
    public static IReadOnlyList<ArchiveImage> Read(string directory)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Join(directory, "manifest.json")));
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw ActorPodException.InvalidArgument("malformed manifest.json: expected an array of images");
        }

        return document.RootElement.EnumerateArray().Select(entry => ReadImage(directory, entry)).ToList();
    }

    private static ArchiveImage ReadImage(string directory, JsonElement entry)
    {
        var config = entry.GetProperty("Config").GetString()
            ?? throw ActorPodException.InvalidArgument("malformed manifest.json: an image without Config");
        var layers = entry.GetProperty("Layers").EnumerateArray()
            .Select(l => ArchiveReader.BlobPath(directory, l.GetString() ?? ""))
            .ToList();
        var tags = entry.TryGetProperty("RepoTags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : [];

        return new ArchiveImage(ArchiveReader.BlobPath(directory, config), layers, tags);
    }
}
