using System.Text.Json;

namespace ActorPod.Oci.Runc;

/// <summary>
/// What runc recorded about a container in <c>ROOT/ID/state.json</c>, for the paths that act without spawning runc
/// (freezer, exec fifo). Null wherever the file is absent or unreadable: callers then ask runc itself.
/// </summary>
public sealed record RuncStateFile(int? InitPid, string? FreezerDirectory)
{
    /// <summary>Reads the container's state file, or returns null.</summary>
    public static RuncStateFile? Read(string runtimeRoot, string containerId)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(runtimeRoot, containerId, "state.json"));
            using var doc = JsonDocument.Parse(stream);
            var root = doc.RootElement;
            var pid = root.TryGetProperty("init_process_pid", out var p) && p.TryGetInt32(out var value)
                ? value
                : (int?)null;
            var freezer = root.TryGetProperty("cgroup_paths", out var paths)
                && paths.TryGetProperty("freezer", out var dir) && dir.GetString() is { Length: > 0 } path
                    ? path
                    : null;
            return new RuncStateFile(pid, freezer);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
