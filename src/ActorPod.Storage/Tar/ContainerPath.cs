using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;

namespace ActorPod.Storage.Tar;

/// <summary>
/// Resolves a path as the container sees it inside its mounted root file system, the way securejoin does: every
/// symlink on the way is followed relative to the container's root (an absolute target starts again at the root,
/// '..' never climbs above it), so the result always lies under the root whatever the container put there.
/// </summary>
public static class ContainerPath
{
    const int MaxLinkHops = 40;

    /// <summary>The host path for <paramref name="path"/>; its last component is not followed when it is a
    /// symlink (like <c>lstat</c>) unless <paramref name="followLast"/>.</summary>
    public static string Resolve(string rootfs, string path, bool followLast)
    {
        var pending = new Stack<string>(Parts(path).Reverse());
        var resolved = new List<string>();
        var hops = 0;

        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var host = Path.Join(rootfs, string.Join('/', resolved), part);
            var target = new FileInfo(host).LinkTarget;
            var isLast = pending.Count == 0;
            if (target is null || (isLast && !followLast))
            {
                resolved.Add(part);
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new ActorPodException(new ContainerError(ErrorKind.InvalidArgument, null,
                    $"too many symlinks in {path}"));
            }

            if (target.StartsWith('/'))
            {
                resolved.Clear();
            }

            foreach (var piece in Parts(target).Reverse())
            {
                pending.Push(piece);
            }
        }

        return Path.Join(rootfs, string.Join('/', resolved));
    }

    static string[] Parts(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
}
