using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;

namespace ActorPod.EndToEnd.Tests.Infrastructure;

/// <summary>docker-archive tarballs whose layer tries to write where it must not.</summary>
public static class HostileArchives
{
    public static byte[] DockerArchiveWithLayerEntry(string entryName)
    {
        var layer = Tar(w => w.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entryName)
        {
            DataStream = new MemoryStream("pwned"u8.ToArray()),
        }));
        var diffId = Convert.ToHexStringLower(SHA256.HashData(layer));
        var config = Encoding.UTF8.GetBytes(
            "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]}," +
            $"\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"sha256:{diffId}\"]}}}}");
        var configId = Convert.ToHexStringLower(SHA256.HashData(config));
        var manifest = Encoding.UTF8.GetBytes(
            $$"""[{"Config":"{{configId}}.json","RepoTags":["hostile:latest"],"Layers":["{{diffId}}/layer.tar"]}]""");

        return Tar(w =>
        {
            Add(w, $"{diffId}/layer.tar", layer);
            Add(w, $"{configId}.json", config);
            Add(w, "manifest.json", manifest);
        });
    }

    static void Add(TarWriter writer, string name, byte[] data) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });

    static byte[] Tar(Action<TarWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
