using ActorPod.Core.Errors;
using ActorPod.Core.Naming;
using ActorPod.Storage.Native;

namespace ActorPod.Storage.Containers;

/// <summary>
/// Per-container directories under <c>&lt;root&gt;/containers/&lt;id&gt;/</c>, with <c>upper/</c>, <c>work/</c>
/// and <c>merged/</c> for an overlay of the image's layers. Mounts are counted in memory; after a restart the
/// count is gone and an existing mount (seen in /proc/self/mountinfo) counts as one.
/// </summary>
public sealed class ContainerStorage(string root, IImageStore images) : IContainerStorage
{
    // The kernel copies mount options into one page; a longer string fails with EINVAL or is cut.
    private const int MaxMountOptions = 4095;

    private readonly string _containers = Path.Join(Path.GetFullPath(root), "containers");

    // Guards _mounts; mount(2) and umount2(2) run under it so a count never disagrees with the kernel.
    private readonly Lock _gate = new();

    private readonly Dictionary<string, int> _mounts = [];

    /// <inheritdoc/>
    public string ContainerDirectory(string containerId)
    {
        if (!ContainerIds.IsFullId(containerId))
        {
            throw ActorPodException.InvalidArgument(
                $"invalid container id '{containerId}': expected {ContainerIds.Length} lower-case hex characters");
        }

        var directory = Path.Join(_containers, containerId);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The merged root file system's path, mounted or not.</summary>
    public string MergedDirectory(string containerId) => Path.Join(ContainerDirectory(containerId), "merged");

    /// <inheritdoc/>
    public Task<string> MountAsync(string containerId, ImageRecord image, CancellationToken ct)
    {
        var directory = ContainerDirectory(containerId);
        var merged = Path.Join(directory, "merged");

        lock (_gate)
        {
            if (_mounts.TryGetValue(containerId, out var count) || MountTable.IsMounted(merged))
            {
                _mounts[containerId] = count + 1;
                return Task.FromResult(merged);
            }

            Mount(containerId, directory, merged, image);
            _mounts[containerId] = 1;
        }

        return Task.FromResult(merged);
    }

    /// <inheritdoc/>
    public Task UnmountAsync(string containerId, bool force, CancellationToken ct)
    {
        var merged = MergedDirectory(containerId);

        lock (_gate)
        {
            var count = _mounts.GetValueOrDefault(containerId, 1) - 1;
            if (count > 0 && !force)
            {
                _mounts[containerId] = count;
                return Task.CompletedTask;
            }

            _mounts.Remove(containerId);
            Unmount(containerId, merged);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(string containerId, CancellationToken ct)
    {
        await UnmountAsync(containerId, force: true, ct);
        Directory.Delete(ContainerDirectory(containerId), recursive: true);
    }

    private void Mount(string containerId, string directory, string merged, ImageRecord image)
    {
        var upper = Path.Join(directory, "upper");
        var work = Path.Join(directory, "work");
        Directory.CreateDirectory(upper);
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(merged);

        var options = MountOptions(containerId, images.LayerDirectories(image), upper, work);
        var result = LibC.Mount("overlay", merged, "overlay", 0, options);
        if (result != 0)
        {
            var error = LibC.LastError();
            throw ActorPodException.Runtime(containerId,
                $"mounting the overlay for container {containerId} at {merged}: {error}");
        }
    }

    // TODO: images with many layers overflow the one-page option string. containers/storage solves it with short
    // symlinks (l/XXXX) and a mount run from inside the layers directory; until then such images are refused.
    private static string MountOptions(string containerId, IReadOnlyList<string> lowers, string upper, string work)
    {
        if (lowers.Count == 0)
        {
            throw ActorPodException.InvalidArgument(
                $"cannot mount container {containerId}: its image has no layers; overlay needs at least one");
        }

        var all = lowers.Append(upper).Append(work).ToList();
        var bad = all.FirstOrDefault(p => p.Contains(':') || p.Contains(','));
        if (bad is not null)
        {
            throw ActorPodException.InvalidArgument($"cannot mount container {containerId}: the path {bad} holds "
                + "':' or ',', which overlay's options cannot carry");
        }

        var options = $"lowerdir={string.Join(':', lowers)},upperdir={upper},workdir={work}";
        return options.Length <= MaxMountOptions
            ? options
            : throw ActorPodException.InvalidArgument($"cannot mount container {containerId}: {lowers.Count} layers "
                + $"make overlay options of {options.Length} bytes; the kernel takes at most {MaxMountOptions}");
    }

    private static void Unmount(string containerId, string merged)
    {
        if (!MountTable.IsMounted(merged))
        {
            return;
        }

        // A busy mount (a process still has its cwd inside) is detached: it goes once the last user lets go.
        if (LibC.Umount2(merged, 0) != 0 && LibC.Umount2(merged, LibC.MntDetach) != 0)
        {
            var error = LibC.LastError();
            throw ActorPodException.Runtime(containerId, $"unmounting {merged} of container {containerId}: {error}");
        }
    }
}
