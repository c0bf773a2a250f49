using System.Text.Json;

namespace ActorPod.Oci.Exec;

/// <summary>
/// One line conmon writes on a sync or attach pipe (API version 1): <c>{"data": N}</c> or
/// <c>{"data": -1, "message": "..."}</c>. For exec, the first is the pid (or a failure), the second the exit code.
/// </summary>
internal sealed record SyncMessage(int Data, string? Message)
{
    public static SyncMessage Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var data = root.GetProperty("data").GetInt32();
        var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
        return new SyncMessage(data, message);
    }
}
