using System.Text.Json;
using ActorPod.Core.Errors;
using ActorPod.Core.Naming;

namespace ActorPod.Storage.Images;

/// <summary>
/// The image store in one directory (see <see cref="StoreLayout"/> for what lies where). Reads answer from memory;
/// loads, imports, tags and removals take turns, so a removal never deletes a layer a load is about to reuse.
/// A new instance on the same directory sees the same images.
/// </summary>
public sealed partial class ImageStore : IImageStore
{
    private readonly StoreLayout _layout;

    // Serialises every change to the store (disk and memory); held across a whole load.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // Guards _images and _tags; held only for lookups and in-memory updates, never across I/O.
    private readonly Lock _gate = new();

    private readonly Dictionary<string, StoredImage> _images = [];

    private readonly Dictionary<string, string> _tags = [];

    /// <summary>Opens (or creates) the store in <paramref name="directory"/>, e.g. <c>/var/lib/actorpod/storage</c>.
    /// Work left in tmp/ by a crash is deleted.</summary>
    public ImageStore(string directory)
    {
        _layout = new StoreLayout(directory);
        Directory.CreateDirectory(_layout.Layers);
        Directory.CreateDirectory(_layout.Images);
        if (Directory.Exists(_layout.Temp))
        {
            Directory.Delete(_layout.Temp, recursive: true);
        }

        Directory.CreateDirectory(_layout.Temp);
        ReadImages();
        ReadRepositories();
    }

    /// <summary>The store's directory.</summary>
    public string Root => _layout.Root;

    /// <inheritdoc/>
    /// <remarks>A hex prefix that matches more than one image id throws InvalidArgument ("ambiguous") rather than
    /// returning null, so the caller can tell "ask with more characters" from "no such image".</remarks>
    public ImageRecord? Find(string reference)
    {
        lock (_gate)
        {
            return ResolveId(reference) is { } id ? Record(id) : null;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ImageRecord> List()
    {
        lock (_gate)
        {
            return _images.Values.OrderByDescending(i => i.Created).Select(i => Record(i.Id)).ToList();
        }
    }

    /// <inheritdoc/>
    public void Tag(string reference, string newReference)
    {
        var tag = ImageReference.Normalize(newReference);

        _writeGate.Wait();
        try
        {
            lock (_gate)
            {
                _tags[tag] = ResolveId(reference) ?? throw ActorPodException.NotFound(reference, "image");
            }

            SaveRepositories();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> LayerDirectories(ImageRecord image) =>
        image.Layers.Reverse().Select(_layout.LayerDiff).ToList();

    // Callers hold _gate.
    private string? ResolveId(string reference)
    {
        if (reference.StartsWith(Digests.Prefix, StringComparison.Ordinal))
        {
            return ByIdPrefix(reference[Digests.Prefix.Length..], reference);
        }

        if (ImageReference.TryNormalize(reference) is { } tag && _tags.TryGetValue(tag, out var id))
        {
            return id;
        }

        return ByIdPrefix(reference, reference);
    }

    private string? ByIdPrefix(string prefix, string reference)
    {
        if (!ContainerIds.IsHex(prefix))
        {
            return null;
        }

        var matches = _images.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Take(2).ToList();
        if (matches.Count > 1)
        {
            throw ActorPodException.InvalidArgument(
                $"image reference '{reference}' is ambiguous: more than one image id starts with '{prefix}'");
        }

        return matches.SingleOrDefault();
    }

    private ImageRecord Record(string id) => _images[id].ToRecord(TagsOf(id));

    private List<string> TagsOf(string id) =>
        _tags.Where(t => t.Value == id).Select(t => t.Key).Order(StringComparer.Ordinal).ToList();

    private void ReadImages()
    {
        foreach (var directory in Directory.EnumerateDirectories(_layout.Images))
        {
            var file = Path.Join(directory, "image.json");
            if (File.Exists(file)
                && JsonSerializer.Deserialize<StoredImage>(File.ReadAllBytes(file), StoreLayout.Json) is { } image)
            {
                _images[image.Id] = image;
            }
        }
    }

    private void ReadRepositories()
    {
        if (!File.Exists(_layout.Repositories))
        {
            return;
        }

        var tags = JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllBytes(_layout.Repositories), StoreLayout.Json) ?? [];
        foreach (var (tag, id) in tags.Where(t => _images.ContainsKey(t.Value)))
        {
            _tags[tag] = id;
        }
    }

    private void SaveRepositories()
    {
        SortedDictionary<string, string> snapshot;
        lock (_gate)
        {
            snapshot = new SortedDictionary<string, string>(_tags, StringComparer.Ordinal);
        }

        _layout.WriteAtomically(_layout.Repositories, JsonSerializer.SerializeToUtf8Bytes(snapshot, StoreLayout.Json));
    }
}
