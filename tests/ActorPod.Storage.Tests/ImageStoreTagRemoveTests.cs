using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;
using ActorPod.Storage.Images;
using ActorPod.Storage.Tests.Support;

namespace ActorPod.Storage.Tests;

public sealed class ImageStoreTagRemoveTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private ImageStore NewStore() => new(_temp.Join("storage"));

    [Fact]
    public async Task Import_makes_a_one_layer_image_with_the_given_config()
    {
        var store = NewStore();
        var rootfs = TarBuilder.Gzip(new TarBuilder().Dir("bin").File("bin/hello", "hi").ToArray());

        var image = await store.ImportAsync(new ForwardOnlyStream(rootfs), "imported",
            new ImageConfig { Cmd = ["/bin/hello"] }, default);

        Assert.Equal(["imported:latest"], image.RepoTags);
        Assert.Single(image.Layers);
        Assert.Equal(["/bin/hello"], store.Find("imported")!.Config.Cmd);
        Assert.Equal(image.Id, TarBuilder.Sha256(File.ReadAllBytes(
            _temp.Join("storage", "images", image.Id, "config.json")))[7..]);
        Assert.Equal("hi", File.ReadAllText(Path.Join(store.LayerDirectories(image)[0], "bin/hello")));
    }

    [Fact]
    public async Task Tag_adds_a_name_that_survives_a_restart()
    {
        var store = NewStore();
        var image = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];

        store.Tag("example/app:1.0", "docker.io/library/other");

        Assert.Equal(image.Id, NewStore().Find("other:latest")!.Id);
        Assert.Throws<ActorPodException>(() => store.Tag("nothing:here", "x"));
        Assert.Throws<ActorPodException>(() => store.Tag("example/app:1.0", "Bad Name"));
    }

    [Fact]
    public async Task Remove_untags_while_other_tags_remain_then_deletes_image_and_layers()
    {
        var store = NewStore();
        var image = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];
        store.Tag(image.Id, "second:tag");

        var untagged = await store.RemoveAsync("second:tag", default);
        var deleted = await store.RemoveAsync("example/app:1.0", default);

        Assert.Equal(["Untagged: second:tag"], untagged);
        Assert.Equal("Untagged: example/app:1.0", deleted[0]);
        Assert.Equal($"Deleted: sha256:{image.Id}", deleted[1]);
        Assert.Equal(4, deleted.Count);
        Assert.Null(store.Find(image.Id));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Join("storage", "layers")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Join("storage", "images")));
    }

    [Fact]
    public async Task Remove_keeps_layers_another_image_uses()
    {
        var store = NewStore();
        var full = (await store.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];
        var oci = (await store.LoadAsync(new MemoryStream(TestImages.OciArchive()), default))[0];

        await store.RemoveAsync(full.Id, default);

        Assert.True(Directory.Exists(store.LayerDirectories(oci)[0]));
        Assert.Single(Directory.EnumerateDirectories(_temp.Join("storage", "layers")));
    }

    [Fact]
    public async Task Removing_an_unknown_image_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ActorPodException>(() => NewStore().RemoveAsync("nope", default));

        Assert.Equal(ErrorKind.NotFound, error.Error.Kind);
        Assert.Equal("no such image: nope", error.Message);
    }
}
