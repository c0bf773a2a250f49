using ActorPod.Core.Errors;
using ActorPod.Storage;

namespace ActorPod.Api.Tests;

/// <summary>One image, busybox:latest; load and import add untagged/tagged copies.</summary>
public sealed class FakeImageStore : IImageStore
{
    public const string BusyboxId = "a416a98b71e224a31ee99cff8e16063554498227d2b696152a9c3e0aa65e5824";

    readonly List<ImageRecord> _images =
    [
        new(BusyboxId, ["busybox:latest"], ["sha256:" + new string('1', 64)], new ImageConfig { Cmd = ["sh"] },
            DateTimeOffset.UnixEpoch.AddDays(20000), 4_300_000),
    ];

    public async Task<IReadOnlyList<ImageRecord>> LoadAsync(Stream archive, CancellationToken ct)
    {
        var length = await Drain(archive, ct);
        if (length == 0)
        {
            throw ActorPodException.InvalidArgument("the archive is empty");
        }

        return [_images[0]];
    }

    public async Task<ImageRecord> ImportAsync(Stream rootfs, string? reference, ImageConfig? config,
        CancellationToken ct)
    {
        await Drain(rootfs, ct);
        var image = new ImageRecord(new string('b', 64), reference is null ? [] : [reference], [], new ImageConfig(),
            DateTimeOffset.UtcNow, 10);
        _images.Add(image);
        return image;
    }

    public ImageRecord? Find(string reference) => _images.FirstOrDefault(i => i.RepoTags.Contains(reference)
        || i.RepoTags.Contains(reference + ":latest") || i.Id.StartsWith(reference.Replace("sha256:", "")));

    public IReadOnlyList<ImageRecord> List() => _images;

    public void Tag(string reference, string newReference) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> RemoveAsync(string reference, CancellationToken ct)
    {
        var image = Find(reference) ?? throw ActorPodException.NotFound(reference, "image");
        _images.Remove(image);
        return Task.FromResult<IReadOnlyList<string>>([$"Untagged: {reference}", $"Deleted: sha256:{image.Id}"]);
    }

    public IReadOnlyList<string> LayerDirectories(ImageRecord image) => [];

    static async Task<long> Drain(Stream s, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await s.CopyToAsync(buffer, ct);
        return buffer.Length;
    }
}
