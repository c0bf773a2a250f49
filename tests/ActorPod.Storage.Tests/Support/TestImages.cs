using System.Formats.Tar;
using System.Text;
using System.Text.Json;

namespace ActorPod.Storage.Tests.Support;

/// <summary>Image archives built in code: two layers, the second deleting a file by whiteout and adding one.</summary>
internal static class TestImages
{
    public static readonly byte[] Layer1 = new TarBuilder()
        .Dir("etc").Dir("bin")
        .File("etc/hostname", "one")
        .File("etc/removed", "gone soon")
        .File("bin/tool", "#!/bin/sh", uid: 1000)
        .Symlink("bin/sh", "/bin/busybox")
        .ToArray();

    public static readonly byte[] Layer2 = new TarBuilder()
        .File("etc/.wh.removed", "")
        .File("etc/added", "two")
        .ToArray();

    public static byte[] Config(params byte[][] layers) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        architecture = "amd64",
        os = "linux",
        created = "2024-01-02T03:04:05Z",
        config = new
        {
            Entrypoint = new[] { "/bin/tool" },
            Cmd = new[] { "--help" },
            Env = new[] { "PATH=/bin" },
            WorkingDir = "/srv",
            User = "1000",
            Labels = new Dictionary<string, string> { ["org.example"] = "yes" },
            StopSignal = "SIGINT",
        },
        rootfs = new { type = "layers", diff_ids = layers.Select(TarBuilder.Sha256).ToArray() },
    });

    /// <summary>Classic <c>docker save</c>: &lt;dir&gt;/layer.tar, &lt;config&gt;.json and manifest.json.</summary>
    public static byte[] DockerArchive(string tag = "example/app:1.0", byte[]? config = null)
    {
        config ??= Config(Layer1, Layer2);
        var configName = TarBuilder.Sha256(config)[7..] + ".json";
        var manifest = JsonSerializer.Serialize(new[]
        {
            new { Config = configName, RepoTags = new[] { tag }, Layers = new[] { "l1/layer.tar", "l2/layer.tar" } },
        });

        return new TarBuilder()
            .Add(Blob("l1/layer.tar", Layer1))
            .Add(Blob("l2/layer.tar", Layer2))
            .Add(Blob(configName, config))
            .File("manifest.json", manifest)
            .ToArray();
    }

    /// <summary>An OCI layout with one gzip layer, tagged by the ref.name annotation.</summary>
    public static byte[] OciArchive(string refName = "docker.io/library/ocitest:v1")
    {
        var layer = TarBuilder.Gzip(Layer1);
        var config = Config(Layer1);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = TarBuilder.Sha256(config) },
            layers = new[]
            {
                new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = TarBuilder.Sha256(layer) },
            },
        });
        var index = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            manifests = new[]
            {
                new
                {
                    mediaType = "application/vnd.oci.image.manifest.v1+json",
                    digest = TarBuilder.Sha256(manifest),
                    annotations = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = refName },
                },
            },
        });

        return new TarBuilder()
            .File("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
            .File("index.json", index)
            .Add(Blob("blobs/sha256/" + TarBuilder.Sha256(layer)[7..], layer))
            .Add(Blob("blobs/sha256/" + TarBuilder.Sha256(config)[7..], config))
            .Add(Blob("blobs/sha256/" + TarBuilder.Sha256(manifest)[7..], manifest))
            .ToArray();
    }

    public static string Text(string path) => File.ReadAllText(path, Encoding.UTF8);

    private static PaxTarEntry Blob(string name, byte[] data) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) };
}
