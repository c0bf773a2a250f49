using System.Collections.Concurrent;
using ActorPod.Storage;

namespace ActorPod.Actors.Tests.Fakes;

/// <summary>Image store and container storage held in memory; one image, <c>busybox:latest</c>, is preloaded.</summary>
public sealed class FakeStorage : IImageStore, IContainerStorage
{
    public static readonly ImageRecord Busybox = new(
        new string('b', 64), ["busybox:latest"], ["sha256:" + new string('1', 64)],
        new ImageConfig { Cmd = ["sh"], Env = ["PATH=/bin"] }, DateTimeOffset.UnixEpoch, 1000);

    public ConcurrentDictionary<string, int> Mounts { get; } = new();

    public ConcurrentBag<string> Removed { get; } = [];

    public Task<IReadOnlyList<ImageRecord>> LoadAsync(Stream archive, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<ImageRecord> ImportAsync(Stream rootfs, string? reference, ImageConfig? config, CancellationToken ct) =>
        throw new NotSupportedException();

    public ImageRecord? Find(string reference) =>
        reference is "busybox" or "busybox:latest" || Busybox.Id.StartsWith(reference, StringComparison.Ordinal)
            ? Busybox
            : null;

    public IReadOnlyList<ImageRecord> List() => [Busybox];

    public void Tag(string reference, string newReference) => throw new NotSupportedException();

    Task<IReadOnlyList<string>> IImageStore.RemoveAsync(string reference, CancellationToken ct) =>
        throw new NotSupportedException();

    public IReadOnlyList<string> LayerDirectories(ImageRecord image) => ["/fake/layer"];

    public string ContainerDirectory(string containerId) => "/fake/" + containerId;

    public Task<string> MountAsync(string containerId, ImageRecord image, CancellationToken ct)
    {
        Mounts.AddOrUpdate(containerId, 1, (_, n) => n + 1);
        return Task.FromResult($"/fake/{containerId}/merged");
    }

    public Task UnmountAsync(string containerId, bool force, CancellationToken ct)
    {
        Mounts.TryRemove(containerId, out _);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string containerId, CancellationToken ct)
    {
        Mounts.TryRemove(containerId, out _);
        Removed.Add(containerId);
        return Task.CompletedTask;
    }
}
