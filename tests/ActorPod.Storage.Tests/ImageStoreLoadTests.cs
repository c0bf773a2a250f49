using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;
using ActorPod.Storage.Images;
using ActorPod.Storage.Tests.Support;

namespace ActorPod.Storage.Tests;

public sealed class ImageStoreLoadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ImageStore NewStore() => new(_temp.Join("storage"));

    [Fact]
    public async Task Docker_archive_loads_and_is_found_by_tag_id_and_prefix()
    {
        var store = NewStore();

        var loaded = await store.LoadAsync(new ForwardOnlyStream(TestImages.DockerArchive()), default);

        var image = Assert.Single(loaded);
        Assert.Equal(["example/app:1.0"], image.RepoTags);
        Assert.Equal(2, image.Layers.Count);
        Assert.Equal(image.Id, store.Find("example/app:1.0")!.Id);
        Assert.Equal(image.Id, store.Find("localhost/example/app:1.0")!.Id);
        Assert.Equal(image.Id, store.Find("sha256:" + image.Id)!.Id);
        Assert.Equal(image.Id, store.Find(image.Id)!.Id);
        Assert.Equal(image.Id, store.Find(image.Id[..8])!.Id);
        Assert.Null(store.Find("example/app"));
        Assert.Single(store.List());
    }

    [Fact]
    public async Task Config_fields_are_read_from_the_image_config()
    {
        var store = NewStore();

        var image = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];

        Assert.Equal(["/bin/tool"], image.Config.Entrypoint);
        Assert.Equal(["--help"], image.Config.Cmd);
        Assert.Equal(["PATH=/bin"], image.Config.Env);
        Assert.Equal("/srv", image.Config.WorkingDir);
        Assert.Equal("1000", image.Config.User);
        Assert.Equal("yes", image.Config.Labels["org.example"]);
        Assert.Equal("SIGINT", image.Config.StopSignal);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), image.Created);
        Assert.Equal(("amd64", "linux"), (image.Architecture, image.Os));
        Assert.True(image.Size > 0);
    }

    [Fact]
    public async Task Layers_hold_files_and_whiteouts_in_overlay_form()
    {
        var store = NewStore();

        var image = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];

        var layers = store.LayerDirectories(image);
        Assert.Equal("two", File.ReadAllText(Path.Join(layers[0], "etc/added")));
        Assert.Equal("one", File.ReadAllText(Path.Join(layers[1], "etc/hostname")));
        Assert.False(File.Exists(Path.Join(layers[0], "etc/.wh.removed")));
        Assert.True(Path.Exists(Path.Join(layers[0], "etc/removed")));
        Assert.Equal("/bin/busybox", new FileInfo(Path.Join(layers[1], "bin/sh")).LinkTarget);
    }

    [Fact]
    public async Task Loading_twice_does_not_unpack_layers_again()
    {
        var store = NewStore();
        var image = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];
        var marker = Path.Join(store.LayerDirectories(image)[0], "marker");
        await File.WriteAllTextAsync(marker, "still here");

        var again = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive("example/app:2.0")), default))[0];

        Assert.Equal(image.Id, again.Id);
        Assert.True(File.Exists(marker));
        Assert.Equal(["example/app:1.0", "example/app:2.0"], store.Find(image.Id)!.RepoTags);
    }

    [Fact]
    public async Task A_new_store_on_the_same_directory_sees_the_images()
    {
        var image = (await NewStore().LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];

        var reopened = NewStore();

        Assert.Equal(image.Id, reopened.Find("example/app:1.0")?.Id);
        Assert.Equal(image.Layers, reopened.Find(image.Id)!.Layers);
    }

    [Fact]
    public async Task Oci_layout_with_a_gzip_layer_loads_under_its_ref_name()
    {
        var store = NewStore();

        var image = Assert.Single(await store.LoadAsync(new ForwardOnlyStream(TestImages.OciArchive()), default));

        Assert.Equal(["ocitest:v1"], image.RepoTags);
        Assert.Equal(image.Id, store.Find("docker.io/library/ocitest:v1")!.Id);
        Assert.Equal("one", File.ReadAllText(Path.Join(store.LayerDirectories(image)[0], "etc/hostname")));
    }

    [Fact]
    public async Task A_diff_id_mismatch_is_refused_and_leaves_the_store_unchanged()
    {
        var store = NewStore();
        var lying = TestImages.Config(TestImages.Layer1, new TarBuilder().File("other", "x").ToArray());

        var error = await Assert.ThrowsAsync<ActorPodException>(() =>
            store.LoadAsync(new MemoryStream(TestImages.DockerArchive(config: lying)), default));

        Assert.Equal(ErrorKind.InvalidArgument, error.Error.Kind);
        Assert.Contains("layer 2", error.Message);
        Assert.Contains("expected sha256:", error.Message);
        Assert.Empty(store.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Join("storage", "layers")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Join("storage", "images")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Join("storage", "tmp")));
    }

    [Fact]
    public async Task Something_that_is_no_image_archive_is_refused()
    {
        var store = NewStore();

        var error = await Assert.ThrowsAsync<ActorPodException>(() =>
            store.LoadAsync(new MemoryStream(new TarBuilder().File("hello", "x").ToArray()), default));

        Assert.Contains("manifest.json", error.Message);
    }
}
