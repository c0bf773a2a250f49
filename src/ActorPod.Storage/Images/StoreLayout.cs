using System.Text.Json;

namespace ActorPod.Storage.Images;

/// <summary>
/// Paths under the store's directory: <c>layers/&lt;hex&gt;/diff</c> (an unpacked layer, named by diff id) and
/// <c>layers/&lt;hex&gt;/size</c>, <c>images/&lt;id&gt;/image.json</c> and <c>config.json</c>,
/// <c>repositories.json</c> (tag -> id), and <c>tmp/</c> for work in progress, emptied at start.
/// </summary>
internal sealed class StoreLayout(string root)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Root { get; } = Path.GetFullPath(root);

    public string Layers => Path.Join(Root, "layers");

    public string Images => Path.Join(Root, "images");

    public string Temp => Path.Join(Root, "tmp");

    public string Repositories => Path.Join(Root, "repositories.json");

    public string Layer(string diffId) => Path.Join(Layers, Digests.Hex(diffId));

    public string LayerDiff(string diffId) => Path.Join(Layer(diffId), "diff");

    public string Image(string id) => Path.Join(Images, id);

    /// <summary>A fresh directory under tmp/ on the store's file system, so renames out of it are atomic.</summary>
    public string NewTempDirectory()
    {
        var path = Path.Join(Temp, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes a file so a reader sees the old content or the new one, never a torn one.</summary>
    public void WriteAtomically(string path, byte[] content)
    {
        var temp = Path.Join(Temp, Guid.NewGuid().ToString("N") + ".json");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Renames a directory into tmp/ and deletes it there, so it never sits half-deleted under its name.
    /// </summary>
    public void DeleteDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        var doomed = Path.Join(Temp, Guid.NewGuid().ToString("N"));
        Directory.Move(path, doomed);
        Directory.Delete(doomed, recursive: true);
    }
}
