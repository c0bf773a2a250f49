using System.Formats.Tar;
using System.Globalization;
using System.Text.Json;
using ActorPod.Core.Errors;

namespace ActorPod.Storage.Tar;

/// <summary>What Docker's <c>X-Docker-Container-Path-Stat</c> header says about a path in a container.</summary>
/// <param name="Mode">Go's <c>os.FileMode</c> bits: permissions plus a type bit (directory, symlink).</param>
public sealed record PathStat(string Name, long Size, uint Mode, DateTimeOffset Mtime, string LinkTarget)
{
    const uint GoModeDir = 1u << 31;
    const uint GoModeSymlink = 1u << 27;

    public static PathStat Of(string hostPath, string containerPath)
    {
        var info = new FileInfo(hostPath);
        var isLink = info.LinkTarget is not null;
        var isDir = !isLink && Directory.Exists(hostPath);
        var permissions = OperatingSystem.IsWindows() ? 0u : (uint)File.GetUnixFileMode(hostPath);
        var mode = permissions | (isDir ? GoModeDir : 0) | (isLink ? GoModeSymlink : 0);
        var name = Path.GetFileName(containerPath.TrimEnd('/'));
        return new PathStat(name.Length == 0 ? "/" : name, isDir ? 4096 : isLink ? 0 : info.Length, mode,
            info.LastWriteTimeUtc, info.LinkTarget ?? "");
    }

    /// <summary>The header value: base64 of the JSON Docker clients decode.</summary>
    public string ToHeader() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(
        new Dictionary<string, object>
    {
        ["name"] = Name, ["size"] = Size, ["mode"] = Mode, ["linkTarget"] = LinkTarget,
        ["mtime"] = Mtime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    }));
}

/// <summary>Copies in and out of a container's mounted root file system as tar, as Docker's archive API does.</summary>
public static class ContainerArchive
{
    /// <summary>Stats <paramref name="path"/> in the container; NotFound when it does not exist.</summary>
    public static PathStat Stat(string rootfs, string containerId, string path)
    {
        var host = ContainerPath.Resolve(rootfs, path, followLast: false);
        if (!Path.Exists(host) && new FileInfo(host).LinkTarget is null)
        {
            throw NotFound(containerId, path);
        }

        return PathStat.Of(host, path);
    }

    /// <summary>Writes <paramref name="path"/> (a file, a symlink or a whole tree) as a tar whose entries are named
    /// from the path's last component, like <c>docker cp</c>.</summary>
    public static async Task WriteTarAsync(string rootfs, string containerId, string path, Stream output,
        CancellationToken ct)
    {
        var host = ContainerPath.Resolve(rootfs, path, followLast: false);
        if (!Path.Exists(host) && new FileInfo(host).LinkTarget is null)
        {
            throw NotFound(containerId, path);
        }

        var name = Path.GetFileName(path.TrimEnd('/'));
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        await AddAsync(writer, host, name.Length == 0 ? "." : name, ct);
    }

    static async Task AddAsync(TarWriter writer, string host, string entryName, CancellationToken ct)
    {
        var isLink = new FileInfo(host).LinkTarget is not null;
        await writer.WriteEntryAsync(host, entryName, ct);
        if (isLink || !Directory.Exists(host))
        {
            return;
        }

        foreach (var child in Directory.EnumerateFileSystemEntries(host).Order(StringComparer.Ordinal))
        {
            await AddAsync(writer, child, $"{entryName}/{Path.GetFileName(child)}", ct);
        }
    }

    /// <summary>Extracts <paramref name="tar"/> into the directory <paramref name="path"/> of the container, which
    /// must exist; entries are confined to that directory.</summary>
    public static async Task ExtractAsync(string rootfs, string containerId, string path, Stream tar,
        CancellationToken ct)
    {
        var host = ContainerPath.Resolve(rootfs, path, followLast: true);
        if (!Path.Exists(host))
        {
            throw NotFound(containerId, path);
        }

        if (!Directory.Exists(host))
        {
            throw ActorPodException.InvalidArgument(
                $"cannot copy into {path} of container {containerId}: it is not a directory");
        }

        await new SafeTarExtractor(TarExtractOptions.Archive with
            {
                PreserveOwnership = true, AbsoluteNamesAreRelative = true,
            })
            .ExtractIntoAsync(tar, host, ct);
    }

    static ActorPodException NotFound(string containerId, string path) => new(new Messages.Replies.ContainerError(
        Messages.Replies.ErrorKind.NotFound, containerId,
        $"Could not find the file {path} in container {containerId}"));
}
