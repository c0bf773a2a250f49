using System.Formats.Tar;
using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;
using ActorPod.Storage.Native;
using ActorPod.Storage.Tar;
using ActorPod.Storage.Tests.Support;

namespace ActorPod.Storage.Tests;

public sealed class SafeTarExtractorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public SafeTarExtractorTests()
    {
        // The target sits two levels down, so '../../x' and friends would land in the sentinel's parent.
        Directory.CreateDirectory(_temp.Join("store", "layers"));
        Directory.CreateDirectory(_temp.Join("outside"));
    }

    public void Dispose() => _temp.Dispose();

    private string Target => _temp.Join("store", "layers", "target");

    public static TheoryData<string, byte[], string> HostileTars => new()
    {
        { "dot-dot", new TarBuilder().File("../evil", "x").ToArray(), "'..'" },
        { "absolute", new TarBuilder().File("/etc/evil", "x").ToArray(), "absolute path" },
        { "absolute symlink", new TarBuilder().Symlink("link", "/tmp").File("link/evil", "x").ToArray(), "leaves" },
        {
            "escaping symlink",
            new TarBuilder().Symlink("link", "../../../outside").File("link/evil", "x").ToArray(),
            "outside the root"
        },
        { "hard link out", new TarBuilder().HardLink("hard", "../../x").ToArray(), "'..'" },
        { "block device", new TarBuilder().Device("sda", TarEntryType.BlockDevice, 8, 0).ToArray(), "8:0" },
    };

    [Theory]
    [MemberData(nameof(HostileTars))]
    public async Task Hostile_entries_are_refused_and_nothing_is_left(string why, byte[] tar, string expected)
    {
        var extractor = new SafeTarExtractor(TarExtractOptions.Layer);

        var error = await Assert.ThrowsAsync<ActorPodException>(() =>
            extractor.ExtractAsync(new MemoryStream(tar), Target, default));

        Assert.True(error.Error.Kind == ErrorKind.InvalidArgument, why);
        Assert.Contains("refusing tar entry", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.False(Directory.Exists(Target));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Join("outside")));
        Assert.Equal(["store", "outside"], Directory.EnumerateFileSystemEntries(_temp.Path)
            .Select(Path.GetFileName).OrderDescending());
        Assert.False(File.Exists("/tmp/evil"));
    }

    [Fact]
    public async Task A_symlink_pointing_out_is_stored_as_a_link()
    {
        var tar = new TarBuilder().Symlink("passwd", "/etc/passwd").Symlink("up", "../../..").ToArray();

        await new SafeTarExtractor(TarExtractOptions.Layer).ExtractAsync(new MemoryStream(tar), Target, default);

        Assert.Equal("/etc/passwd", new FileInfo(Path.Join(Target, "passwd")).LinkTarget);
        Assert.Equal("../../..", new FileInfo(Path.Join(Target, "up")).LinkTarget);
    }

    [Fact]
    public async Task A_relative_symlink_inside_the_root_may_be_written_through()
    {
        var tar = new TarBuilder().Dir("real").Symlink("alias", "real").File("alias/file", "via link")
            .HardLink("hard", "real/file").ToArray();

        await new SafeTarExtractor(TarExtractOptions.Layer).ExtractAsync(new MemoryStream(tar), Target, default);

        Assert.Equal("via link", File.ReadAllText(Path.Join(Target, "real/file")));
        Assert.Equal("via link", File.ReadAllText(Path.Join(Target, "hard")));
    }

    [Fact]
    public async Task Modes_owners_and_times_are_kept()
    {
        var tar = new TarBuilder().File("owned", "x", uid: 1234).ToArray();

        await new SafeTarExtractor(TarExtractOptions.Layer).ExtractAsync(new MemoryStream(tar), Target, default);

        var file = new FileInfo(Path.Join(Target, "owned"));
        Assert.Equal((UnixFileMode)Convert.ToInt32("644", 8), file.UnixFileMode);
        Assert.Equal(new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc), file.LastWriteTimeUtc);
        Assert.Contains("1234", StatOwner(file.FullName));
    }

    [Fact]
    public async Task Whiteouts_become_overlay_device_nodes_and_opaque_markers()
    {
        var tar = new TarBuilder().Dir("d").File("d/.wh..wh..opq", "").File(".wh.gone", "").ToArray();

        await new SafeTarExtractor(TarExtractOptions.Layer).ExtractAsync(new MemoryStream(tar), Target, default);

        Assert.StartsWith("character special file 0,0", StatKind(Path.Join(Target, "gone")));
        Assert.False(File.Exists(Path.Join(Target, ".wh.gone")));
        Assert.Equal("y", GetXattr(Path.Join(Target, "d"), "trusted.overlay.opaque"));
    }

    private static string StatOwner(string path) => Run("stat", "-c", "%u:%g", path);

    private static string StatKind(string path) => Run("stat", "-c", "%F %Hr,%Lr", path);

    private static string GetXattr(string path, string name)
    {
        var value = new byte[16];
        var length = LibC.GetXattr(path, name, value, (nuint)value.Length);
        return length < 0 ? "" : System.Text.Encoding.ASCII.GetString(value, 0, (int)length);
    }

    private static string Run(string file, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}
