using ActorPod.Core.Errors;

namespace ActorPod.Storage.Images;

/// <summary>Untagging and deleting images, and the layers only they used.</summary>
public sealed partial class ImageStore
{
    /// <inheritdoc/>
    /// <remarks>A tag with other tags beside it is only untagged. An id, or an image's last tag, deletes the image
    /// with all its tags and every layer no other image uses. Whether a container still uses the image is the
    /// caller's question: the store does not know containers.</remarks>
    public async Task<IReadOnlyList<string>> RemoveAsync(string reference, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            var (image, lines) = Unlink(reference);
            SaveRepositories();

            if (image is not null)
            {
                lines.AddRange(DeleteFiles(image));
            }

            return lines;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // Returns the image when it is to be deleted from disk, null when only a tag went.
    private (StoredImage? Image, List<string> Lines) Unlink(string reference)
    {
        lock (_gate)
        {
            var id = ResolveId(reference) ?? throw ActorPodException.NotFound(reference, "image");
            var tags = TagsOf(id);
            var tag = ImageReference.TryNormalize(reference);

            if (tag is not null && tags.Count > 1 && tags.Contains(tag))
            {
                _tags.Remove(tag);
                return (null, [$"Untagged: {tag}"]);
            }

            tags.ForEach(t => _tags.Remove(t));
            var image = _images[id];
            _images.Remove(id);
            return (image, tags.Select(t => $"Untagged: {t}").ToList());
        }
    }

    private List<string> DeleteFiles(StoredImage image)
    {
        List<string> lines = [$"Deleted: sha256:{image.Id}"];
        _layout.DeleteDirectory(_layout.Image(image.Id));

        HashSet<string> inUse;
        lock (_gate)
        {
            inUse = _images.Values.SelectMany(i => i.Layers).ToHashSet();
        }

        foreach (var diffId in image.Layers.Distinct().Where(l => !inUse.Contains(l)))
        {
            _layout.DeleteDirectory(_layout.Layer(diffId));
            lines.Add($"Deleted: {diffId}");
        }

        return lines;
    }
}
