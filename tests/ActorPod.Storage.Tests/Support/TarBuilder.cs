using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ActorPod.Storage.Tests.Support;

/// <summary>Builds tar archives in memory, hostile ones included.</summary>
internal sealed class TarBuilder
{
    private readonly List<PaxTarEntry> _entries = [];

    public TarBuilder Dir(string name) => Add(new PaxTarEntry(TarEntryType.Directory, name)
    {
        Mode = (UnixFileMode)Convert.ToInt32("755", 8),
    });

    public TarBuilder File(string name, string content, int uid = 0) =>
        Add(new PaxTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            Mode = (UnixFileMode)Convert.ToInt32("644", 8),
            Uid = uid,
            Gid = uid,
            ModificationTime = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.Zero),
        });

    public TarBuilder Symlink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target });

    public TarBuilder HardLink(string name, string target) =>
        Add(new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target });

    public TarBuilder Device(string name, TarEntryType type, int major, int minor) =>
        Add(new PaxTarEntry(type, name) { DeviceMajor = major, DeviceMinor = minor });

    public TarBuilder Add(PaxTarEntry entry)
    {
        _entries.Add(entry);
        return this;
    }

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            _entries.ForEach(writer.WriteEntry);
        }

        return buffer.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    public static string Sha256(byte[] data) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));
}
