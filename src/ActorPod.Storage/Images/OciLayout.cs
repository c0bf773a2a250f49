using System.Runtime.InteropServices;
using System.Text.Json;
using ActorPod.Core.Errors;

namespace ActorPod.Storage.Images;

/// <summary>An OCI image layout: index.json -> (nested indexes) -> manifest -> config and layers in blobs/.</summary>
internal static class OciLayout
{
    private const string RefName = "org.opencontainers.image.ref.name";
    private const string ContainerdName = "io.containerd.image.name";
    private const string IndexMediaType = "application/vnd.oci.image.index.v1+json";
    private const int MaxIndexDepth = 4;

    public static IReadOnlyList<ArchiveImage> Read(string directory)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Join(directory, "index.json")));
        return Manifests(index.RootElement)
            .Select(descriptor => ReadDescriptor(directory, descriptor, Tags(descriptor), 0))
            .ToList();
    }

    private static ArchiveImage ReadDescriptor(string directory, JsonElement descriptor, List<string> tags, int depth)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Blob(directory, descriptor)));
        var root = document.RootElement;
        var isIndex = root.TryGetProperty("manifests", out _)
            || (descriptor.TryGetProperty("mediaType", out var m) && m.GetString() == IndexMediaType);

        if (isIndex)
        {
            if (depth >= MaxIndexDepth)
            {
                throw ActorPodException.InvalidArgument($"OCI layout: indexes nested deeper than {MaxIndexDepth}");
            }

            return ReadDescriptor(directory, PickPlatform(root), tags, depth + 1);
        }

        var layers = root.GetProperty("layers").EnumerateArray().Select(l => Blob(directory, l)).ToList();
        return new ArchiveImage(Blob(directory, root.GetProperty("config")), layers, tags);
    }

    private static JsonElement PickPlatform(JsonElement index)
    {
        var manifests = Manifests(index);
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            _ => "amd64",
        };
        if (manifests.Count == 0)
        {
            throw ActorPodException.InvalidArgument("OCI layout: an image index without manifests");
        }

        // An index without this host's platform still yields its first image: better than refusing a load.
        return manifests.FirstOrDefault(m => m.TryGetProperty("platform", out var p)
                && p.GetProperty("os").GetString() == "linux"
                && p.GetProperty("architecture").GetString() == arch) is { ValueKind: JsonValueKind.Object } found
            ? found
            : manifests[0];
    }

    private static List<JsonElement> Manifests(JsonElement index) =>
        index.TryGetProperty("manifests", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : throw ActorPodException.InvalidArgument("OCI layout: index.json has no manifests array");

    // ref.name holds a full reference when skopeo or podman wrote it, and by the spec may hold a tag alone; a
    // lone tag names no repository, so such an image comes in untagged.
    private static List<string> Tags(JsonElement descriptor)
    {
        if (!descriptor.TryGetProperty("annotations", out var annotations))
        {
            return [];
        }

        var name = annotations.TryGetProperty(ContainerdName, out var c) ? c.GetString()
            : annotations.TryGetProperty(RefName, out var r) ? r.GetString()
            : null;
        return name is not null && (name.Contains(':') || name.Contains('/')) ? [name] : [];
    }

    private static string Blob(string directory, JsonElement descriptor)
    {
        var digest = descriptor.GetProperty("digest").GetString() ?? "";
        if (!Digests.IsSha256(digest))
        {
            throw ActorPodException.InvalidArgument($"OCI layout: digest '{digest}' is not sha256:<64 hex>");
        }

        return ArchiveReader.BlobPath(directory, $"blobs/sha256/{Digests.Hex(digest)}");
    }
}
