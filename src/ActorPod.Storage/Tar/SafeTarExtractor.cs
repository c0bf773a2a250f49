using System.Formats.Tar;
using ActorPod.Core.Errors;

namespace ActorPod.Storage.Tar;

/// <summary>
/// Extracts a tar that is hostile until proven otherwise into a new directory: no '..', no absolute names, no
/// write through a symlink that leaves the directory, hard links only to entries inside it, device nodes only as
/// <see cref="TarExtractOptions"/> allows. Modes, owners and times are kept. A failure leaves nothing behind.
/// </summary>
public sealed partial class SafeTarExtractor(TarExtractOptions options)
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>Extracts <paramref name="tar"/> into <paramref name="directory"/>, which must not exist yet.
    /// Throws <see cref="ActorPodException"/> (InvalidArgument) naming the entry it refused.</summary>
    public async Task ExtractAsync(Stream tar, string directory, CancellationToken ct)
    {
        if (Path.Exists(directory))
        {
            throw new IOException($"cannot extract into {directory}: it exists already");
        }

        Directory.CreateDirectory(directory);
        try
        {
            await ExtractEntriesAsync(tar, directory, ct);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // Corrupt gzip or a tar cut short shows up while an entry's data is copied, not only between entries.
            Directory.Delete(directory, recursive: true);
            throw ActorPodException.InvalidArgument($"malformed tar archive: {e.Message}");
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Extracts <paramref name="tar"/> into the existing <paramref name="directory"/> (a copy into a container):
    /// the same refusals, nothing written outside the directory; entries written before a refusal stay, as with
    /// Docker's own copy.
    /// </summary>
    public async Task ExtractIntoAsync(Stream tar, string directory, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
        {
            throw ActorPodException.InvalidArgument($"cannot extract into {directory}: it is not a directory");
        }

        try
        {
            await ExtractEntriesAsync(tar, directory, ct);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw ActorPodException.InvalidArgument($"malformed tar archive: {e.Message}");
        }
    }

    private async Task ExtractEntriesAsync(Stream tar, string root, CancellationToken ct)
    {
        var directoryTimes = new List<(string Path, DateTimeOffset Time)>();
        var reader = new TarReader(tar, leaveOpen: true);
        await using (reader)
        {
            while (await NextEntryAsync(reader, ct) is { } entry)
            {
                await ExtractEntryAsync(entry, root, directoryTimes, ct);
            }
        }

        // Writing children changes a directory's mtime, so directories get theirs last, deepest first.
        for (var i = directoryTimes.Count - 1; i >= 0; i--)
        {
            SetTime(directoryTimes[i].Path, directoryTimes[i].Time);
        }
    }

    private static async Task<TarEntry?> NextEntryAsync(TarReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw ActorPodException.InvalidArgument($"malformed tar archive: {e.Message}");
        }
    }

    private async Task ExtractEntryAsync(
        TarEntry entry, string root, List<(string, DateTimeOffset)> directoryTimes, CancellationToken ct)
    {
        if (entry.EntryType == TarEntryType.GlobalExtendedAttributes)
        {
            return;
        }

        var relative = options.AbsoluteNamesAreRelative ? entry.Name.TrimStart('/') : entry.Name;
        var parts = EntryPaths.Split(relative, entry.Name);
        if (parts.Length == 0)
        {
            return;
        }

        var parent = InRootResolver.ResolveDirectory(root, parts[..^1], entry.Name, create: true);
        var name = parts[^1];
        if (options.TranslateWhiteouts && name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            WriteWhiteout(parent, name, entry.Name);
            return;
        }

        var path = Path.Join(parent, name);
        await CreateNodeAsync(entry, root, path, ct);
        if (entry.EntryType == TarEntryType.HardLink)
        {
            return;
        }

        ApplyMetadata(entry, path);
        if (entry.EntryType == TarEntryType.Directory)
        {
            directoryTimes.Add((path, entry.ModificationTime));
        }
        else
        {
            SetTime(path, entry.ModificationTime);
        }
    }
}
