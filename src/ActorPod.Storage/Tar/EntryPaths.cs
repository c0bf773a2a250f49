using ActorPod.Core.Errors;

namespace ActorPod.Storage.Tar;

/// <summary>Turns a tar entry name into clean path components, refusing names that could leave the target.</summary>
internal static class EntryPaths
{
    /// <summary>Splits <paramref name="name"/> on '/', dropping empty and '.' parts; throws on '..' or a leading '/'.
    /// </summary>
    public static string[] Split(string name, string entryName)
    {
        if (name.StartsWith('/'))
        {
            throw Refuse(entryName, $"the absolute path '{name}' is not allowed; expected a path relative to the root");
        }

        if (name.Contains('\0'))
        {
            throw Refuse(entryName, "a NUL character in a path is not allowed");
        }

        var parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        if (parts.Contains(".."))
        {
            throw Refuse(entryName, $"the path '{name}' has a '..' component; expected a path inside the root");
        }

        return parts;
    }

    public static ActorPodException Refuse(string entryName, string reason) =>
        ActorPodException.InvalidArgument($"refusing tar entry '{entryName}': {reason}");
}
