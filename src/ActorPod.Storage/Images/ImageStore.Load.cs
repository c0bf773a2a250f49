using System.Globalization;
using System.Text.Json;
using ActorPod.Core.Errors;
using ActorPod.Storage.Tar;

namespace ActorPod.Storage.Images;

/// <summary>Bringing images in: everything is unpacked under tmp/, checked, then renamed into place.</summary>
public sealed partial class ImageStore
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<ImageRecord>> LoadAsync(Stream archive, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        var staging = _layout.NewTempDirectory();
        try
        {
            var unpacked = await UnpackArchiveAsync(archive, staging, ct);
            var found = ArchiveReader.Read(unpacked);
            if (found.Count == 0)
            {
                throw ActorPodException.InvalidArgument("image archive holds no images; expected at least one");
            }

            var staged = new Dictionary<string, string>();
            var pending = new List<PendingImage>();
            foreach (var image in found)
            {
                pending.Add(await StageImageAsync(staging, image, staged, ct));
            }

            return Commit(pending, staged);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
            _writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<ImageRecord> ImportAsync(
        Stream rootfs, string? reference, ImageConfig? config, CancellationToken ct)
    {
        var tags = reference is null ? [] : new[] { ImageReference.Normalize(reference) };
        config ??= new ImageConfig();

        await _writeGate.WaitAsync(ct);
        var staging = _layout.NewTempDirectory();
        try
        {
            var tar = await SpoolAsync(rootfs, staging, ct);
            var layerDirectory = Path.Join(staging, "layer");
            var layer = await UnpackLayerAsync(tar, layerDirectory, null, $"import of {reference ?? "rootfs"}", ct);

            var created = DateTimeOffset.UtcNow;
            var configJson = ImportConfig.Write(config, layer.DiffId, created);
            var image = new StoredImage(Digests.HexOf(configJson), [layer.DiffId], config, created, layer.Size,
                ImportConfig.HostArchitecture, "linux");

            var staged = new Dictionary<string, string> { [layer.DiffId] = layerDirectory };
            return Commit([new PendingImage(configJson, image, tags)], staged)[0];
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
            _writeGate.Release();
        }
    }

    // The body may be an HTTP stream: spool it to disk first, so the tar can be sniffed for gzip and read again.
    private static async Task<string> SpoolAsync(Stream input, string staging, CancellationToken ct)
    {
        var path = Path.Join(staging, "input.tar");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await input.CopyToAsync(file, ct);
        return path;
    }

    private static async Task<string> UnpackArchiveAsync(Stream archive, string staging, CancellationToken ct)
    {
        var path = await SpoolAsync(archive, staging, ct);
        var unpacked = Path.Join(staging, "archive");

        await using var file = File.OpenRead(path);
        await using var tar = await LayerUnpacker.OpenTarAsync(file, "image archive", ct);
        await new SafeTarExtractor(TarExtractOptions.Archive).ExtractAsync(tar, unpacked, ct);
        return unpacked;
    }

    private async Task<PendingImage> StageImageAsync(
        string staging, ArchiveImage found, Dictionary<string, string> staged, CancellationToken ct)
    {
        var configJson = await File.ReadAllBytesAsync(found.ConfigPath, ct);
        var id = Digests.HexOf(configJson);
        var what = $"image {(found.Tags.Count > 0 ? found.Tags[0] : id[..12])}";
        var parsed = ParsedConfig.Parse(configJson, what);
        var tags = found.Tags.Select(ImageReference.Normalize).ToList();
        if (parsed.DiffIds.Count != found.LayerPaths.Count)
        {
            throw ActorPodException.InvalidArgument($"{what}: the manifest lists {found.LayerPaths.Count} layers " +
                $"but the config's rootfs.diff_ids {parsed.DiffIds.Count}; expected the same number");
        }

        long size = 0;
        for (var i = 0; i < parsed.DiffIds.Count; i++)
        {
            var diffId = parsed.DiffIds[i];

            // A layer already in the store was checked when it came in; this copy is not read at all.
            if (!staged.ContainsKey(diffId) && !Directory.Exists(_layout.Layer(diffId)))
            {
                var directory = Path.Join(staging, "layers", Digests.Hex(diffId));
                await UnpackLayerAsync(found.LayerPaths[i], directory, diffId, $"{what}, layer {i + 1}", ct);
                staged[diffId] = directory;
            }

            size += LayerSize(staged.TryGetValue(diffId, out var s) ? s : _layout.Layer(diffId));
        }

        var image = new StoredImage(id, parsed.DiffIds, parsed.Config, parsed.Created, size,
            parsed.Architecture, parsed.Os);
        return new PendingImage(configJson, image, tags);
    }

    private static async Task<UnpackedLayer> UnpackLayerAsync(
        string blob, string directory, string? diffId, string what, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var layer = await LayerUnpacker.UnpackAsync(blob, Path.Join(directory, "diff"), diffId, what, ct);
        var size = layer.Size.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Join(directory, "size"), size, ct);
        return layer;
    }

    private static long LayerSize(string layerDirectory) =>
        long.TryParse(File.ReadAllText(Path.Join(layerDirectory, "size")), CultureInfo.InvariantCulture, out var size)
            ? size
            : 0;

    // Runs under _writeGate. Layers go in before the images that name them, and tags last.
    private List<ImageRecord> Commit(IReadOnlyList<PendingImage> pending, Dictionary<string, string> staged)
    {
        foreach (var (diffId, directory) in staged.Where(s => !Directory.Exists(_layout.Layer(s.Key))))
        {
            Directory.Move(directory, _layout.Layer(diffId));
        }

        foreach (var image in pending.Where(p => !Directory.Exists(_layout.Image(p.Image.Id))))
        {
            var directory = _layout.NewTempDirectory();
            File.WriteAllBytes(Path.Join(directory, "config.json"), image.ConfigJson);
            File.WriteAllBytes(Path.Join(directory, "image.json"),
                JsonSerializer.SerializeToUtf8Bytes(image.Image, StoreLayout.Json));
            Directory.Move(directory, _layout.Image(image.Image.Id));
        }

        lock (_gate)
        {
            foreach (var image in pending)
            {
                _images[image.Image.Id] = image.Image;
                image.Tags.ToList().ForEach(tag => _tags[tag] = image.Image.Id);
            }
        }

        SaveRepositories();
        lock (_gate)
        {
            return pending.Select(p => Record(p.Image.Id)).ToList();
        }
    }
}
