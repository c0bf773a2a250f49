namespace ActorPod.Oci.Exits;

/// <summary>Reads conmon's exit files: <c>EXITDIR/ID</c> holding the exit code as text.</summary>
public static class ExitFiles
{
    /// <summary>glib's atomic write uses a temporary <c>ID.XXXXXX</c> first; ids never contain a dot.</summary>
    public static bool IsExitFileName(string name) => name.Length > 0 && !name.Contains('.');

    /// <summary>The exit recorded for <paramref name="containerId"/>, or null when there is none (yet).</summary>
    public static RuntimeExit? Read(string exitDirectory, string containerId)
    {
        var path = Path.Combine(exitDirectory, containerId);
        try
        {
            var text = File.ReadAllText(path).Trim();
            if (!int.TryParse(text, out var code))
            {
                return null;
            }

            return new RuntimeExit(containerId, code, File.GetLastWriteTimeUtc(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
