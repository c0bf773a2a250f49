using ActorPod.Storage.Containers;
using ActorPod.Storage.Images;
using ActorPod.Storage.Tests.Support;

namespace ActorPod.Storage.Tests;

public sealed class ContainerStorageTests : IDisposable
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Overlay_shows_the_layers_hides_whiteouts_and_writes_to_upper()
    {
        var (storage, image) = await NewStorageAsync();

        var merged = await storage.MountAsync(Id, image, default);

        Assert.Equal("one", File.ReadAllText(Path.Join(merged, "etc/hostname")));
        Assert.Equal("two", File.ReadAllText(Path.Join(merged, "etc/added")));
        Assert.False(File.Exists(Path.Join(merged, "etc/removed")));
        File.WriteAllText(Path.Join(merged, "new-file"), "written");
        Assert.Equal("written", File.ReadAllText(Path.Join(storage.ContainerDirectory(Id), "upper", "new-file")));
    }

    [Fact]
    public async Task Mounts_are_counted_and_the_last_unmount_unmounts()
    {
        var (storage, image) = await NewStorageAsync();
        var first = await storage.MountAsync(Id, image, default);

        var second = await storage.MountAsync(Id, image, default);
        await storage.UnmountAsync(Id, force: false, default);
        var stillMounted = TempDirectory.MountsUnder(_temp.Path).Count;
        await storage.UnmountAsync(Id, force: false, default);

        Assert.Equal(first, second);
        Assert.Equal(1, stillMounted);
        Assert.Empty(TempDirectory.MountsUnder(_temp.Path));
    }

    [Fact]
    public async Task A_new_instance_finds_the_mount_and_remove_cleans_up()
    {
        var (storage, image) = await NewStorageAsync();
        await storage.MountAsync(Id, image, default);
        var restarted = new ContainerStorage(_temp.Path, new ImageStore(_temp.Join("storage")));

        var merged = await restarted.MountAsync(Id, image, default);
        await restarted.RemoveAsync(Id, default);

        Assert.EndsWith("merged", merged);
        Assert.Empty(TempDirectory.MountsUnder(_temp.Path));
        Assert.False(Directory.Exists(_temp.Join("containers", Id)));
    }

    private async Task<(ContainerStorage Storage, ImageRecord Image)> NewStorageAsync()
    {
        var images = new ImageStore(_temp.Join("storage"));
        var image = (await images.LoadAsync(new MemoryStream(TestImages.DockerArchive()), default))[0];
        return (new ContainerStorage(_temp.Path, images), image);
    }
}
