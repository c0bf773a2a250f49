using System.Formats.Tar;
using System.Text;
using ActorPod.Storage.Native;

namespace ActorPod.Storage.Tar;

/// <summary>Creating each kind of file system node, and the metadata that goes on it.</summary>
public sealed partial class SafeTarExtractor
{
    private async Task CreateNodeAsync(TarEntry entry, string root, string path, CancellationToken ct)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                CreateDirectory(path);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                await WriteFileAsync(entry, path, ct);
                break;
            case TarEntryType.SymbolicLink:
                CreateSymlink(entry, path);
                break;
            case TarEntryType.HardLink:
                CreateHardLink(entry, root, path);
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo:
                CreateSpecial(entry, path);
                break;
            default:
                throw EntryPaths.Refuse(entry.Name, $"entry type {entry.EntryType} is not supported");
        }
    }

    private static void CreateDirectory(string path)
    {
        if (new FileInfo(path).LinkTarget is null && Directory.Exists(path))
        {
            return;
        }

        RemoveExisting(path);
        Directory.CreateDirectory(path);
    }

    private static async Task WriteFileAsync(TarEntry entry, string path, CancellationToken ct)
    {
        RemoveExisting(path);

        // CreateNew is O_CREAT|O_EXCL: it never follows a symlink that appeared at the last component.
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        if (entry.DataStream is { } data)
        {
            await data.CopyToAsync(file, ct);
        }
    }

    private static void CreateSymlink(TarEntry entry, string path)
    {
        if (entry.LinkName.Length == 0)
        {
            throw EntryPaths.Refuse(entry.Name, "a symlink with an empty target");
        }

        RemoveExisting(path);
        File.CreateSymbolicLink(path, entry.LinkName);
    }

    private void CreateHardLink(TarEntry entry, string root, string path)
    {
        var linkName = options.AbsoluteNamesAreRelative ? entry.LinkName.TrimStart('/') : entry.LinkName;
        var parts = EntryPaths.Split(linkName, entry.Name);
        if (parts.Length == 0)
        {
            throw EntryPaths.Refuse(entry.Name, "a hard link to the root directory");
        }

        var parent = InRootResolver.ResolveDirectory(root, parts[..^1], entry.Name, create: false);
        var target = Path.Join(parent, parts[^1]);
        if (!Path.Exists(target) || (Directory.Exists(target) && new FileInfo(target).LinkTarget is null))
        {
            throw EntryPaths.Refuse(entry.Name, $"hard link target '{entry.LinkName}' is not a file in the archive");
        }

        RemoveExisting(path);
        LibC.Check(LibC.Link(target, path), $"linking {path} to {target}");
    }

    private void CreateSpecial(TarEntry entry, string path)
    {
        var (major, minor) = entry is PosixTarEntry posix ? (posix.DeviceMajor, posix.DeviceMinor) : (0, 0);
        var isWhiteoutDevice = entry.EntryType == TarEntryType.CharacterDevice && major == 0 && minor == 0;
        if (entry.EntryType != TarEntryType.Fifo && !isWhiteoutDevice && !options.AllowDevices)
        {
            throw EntryPaths.Refuse(entry.Name, $"device node {major}:{minor} is not allowed; expected files, " +
                "directories, links, fifos or 0:0 whiteouts");
        }

        var type = entry.EntryType switch
        {
            TarEntryType.Fifo => LibC.SIfIfo,
            TarEntryType.BlockDevice => LibC.SIfBlk,
            _ => LibC.SIfChr,
        };
        RemoveExisting(path);
        LibC.Check(LibC.Mknod(path, type, LibC.MakeDev((uint)major, (uint)minor)), $"creating node {path}");
    }

    private static void WriteWhiteout(string parent, string name, string entryName)
    {
        if (name == OpaqueMarker)
        {
            var yes = Encoding.ASCII.GetBytes("y");
            LibC.Check(LibC.SetXattr(parent, "trusted.overlay.opaque", yes, (nuint)yes.Length, 0),
                $"marking {parent} opaque");
            return;
        }

        // Other .wh..wh. names are aufs bookkeeping (hard link directories) with no meaning for overlay.
        if (name.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var hidden = name[WhiteoutPrefix.Length..];
        if (hidden.Length == 0)
        {
            throw EntryPaths.Refuse(entryName, "a whiteout that names no file");
        }

        var path = Path.Join(parent, hidden);
        RemoveExisting(path);
        LibC.Check(LibC.Mknod(path, LibC.SIfChr, 0), $"creating whiteout {path}");
    }

    // Tar semantics: a later entry replaces an earlier one. Deleting unlinks a symlink itself, never its target.
    private static void RemoveExisting(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (info.LinkTarget is not null || info.Exists || Path.Exists(path))
        {
            File.Delete(path);
        }
    }

    private void ApplyMetadata(TarEntry entry, string path)
    {
        // chown first: it clears setuid and setgid bits the mode is about to set.
        if (options.PreserveOwnership)
        {
            LibC.Check(LibC.Lchown(path, entry.Uid, entry.Gid), $"changing owner of {path}");
        }

        if (entry.EntryType != TarEntryType.SymbolicLink)
        {
            LibC.Check(LibC.Chmod(path, (uint)entry.Mode), $"changing mode of {path}");
        }
    }

    private static void SetTime(string path, DateTimeOffset time)
    {
        // Times before 1970 are clamped: utimensat refuses a negative nanosecond field.
        var ticks = Math.Max(0, time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        var spec = new TimeSpec
        {
            Seconds = ticks / TimeSpan.TicksPerSecond,
            Nanoseconds = ticks % TimeSpan.TicksPerSecond * 100,
        };
        var result = LibC.Utimensat(LibC.AtFdCwd, path, [spec, spec], LibC.AtSymlinkNoFollow);
        LibC.Check(result, $"setting times of {path}");
    }
}
