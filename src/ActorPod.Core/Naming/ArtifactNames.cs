using System.Text;

namespace ActorPod.Core.Naming;

/// <summary>Artifact names are file names inside the container's artifacts folder: nothing may lead out of
/// it.</summary>
public static class ArtifactNames
{
    public const int MaxBytes = 255;

    /// <summary>Why the name is refused, or null when it is fine.</summary>
    public static string? Problem(string? name) => name switch
    {
        null or "" => "it is empty",
        "." or ".." => "it names a directory",
        _ when name.Contains('/') || name.Contains('\\') => "it holds a slash",
        _ when name.Contains('\0') => "it holds a NUL character",
        _ when name.Contains("..", StringComparison.Ordinal) => "it holds \"..\"",
        _ when name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal) =>
            "names like .*.tmp are reserved for writes in progress",
        _ when Encoding.UTF8.GetByteCount(name) > MaxBytes => $"it is longer than {MaxBytes} bytes",
        _ => null,
    };

    /// <summary>The name with control characters escaped, fit for an error message.</summary>
    public static string Printable(string? name) =>
        string.Concat((name ?? "").Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
