using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Containers;

/// <summary>Reads and writes a container's artifact files; names are validated before they get here.</summary>
static class ArtifactFiles
{
    public static async Task<object> WriteAsync(string directory, string id, string name, byte[] data)
    {
        Directory.CreateDirectory(directory);

        // Written aside and renamed, so a reader never sees half an artifact.
        var temp = Path.Join(directory, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temp, data);
        File.Move(temp, Path.Join(directory, name), overwrite: true);
        return new ArtifactStored(id, name, data.LongLength);
    }

    public static async Task<object> ReadAsync(string directory, string id, string name)
    {
        var path = Path.Join(directory, name);
        return File.Exists(path)
            ? new ArtifactContent(id, name, await File.ReadAllBytesAsync(path))
            : Missing(id, name);
    }

    public static Task<object> DeleteAsync(string directory, string id, string name)
    {
        var path = Path.Join(directory, name);
        if (!File.Exists(path))
        {
            return Task.FromResult(Missing(id, name));
        }

        File.Delete(path);
        return Task.FromResult<object>(new ArtifactRemoved(id, name));
    }

    static object Missing(string id, string name) => new CommandFailed(new ContainerError(ErrorKind.NotFound, id,
        $"container {id} has no artifact named \"{name}\""));
}
