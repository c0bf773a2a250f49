using System.Text.Json;

namespace ActorPod.Oci.Runc;

/// <summary>
/// Pauses and resumes a container through its cgroup v1 freezer directly, the way <c>runc pause</c> does it,
/// without the cost of spawning runc. The freezer directory is the one runc recorded in its state file, so runc
/// itself (state, kill, delete) keeps seeing the same truth. Returns false wherever it cannot act (no state file,
/// a cgroup v2 host, a freezer that will not settle); the caller then falls back to runc.
/// </summary>
public sealed class CgroupFreezer(string runtimeRoot)
{
    const string Frozen = "FROZEN";
    const string Thawed = "THAWED";

    // The kernel freezes a handful of tasks in microseconds; a task stuck in an uninterruptible sleep can hold
    // FREEZING much longer, and then runc (which retries with a thaw in between) is the better judge.
    static readonly TimeSpan SettleBound = TimeSpan.FromMilliseconds(500);

    /// <summary>Freezes every task of the container; false when the direct path is not available.</summary>
    public Task<bool> FreezeAsync(string containerId, CancellationToken ct) => SetAsync(containerId, Frozen, ct);

    /// <summary>Thaws the container; false when the direct path is not available.</summary>
    public Task<bool> ThawAsync(string containerId, CancellationToken ct) => SetAsync(containerId, Thawed, ct);

    async Task<bool> SetAsync(string containerId, string wanted, CancellationToken ct)
    {
        var stateFile = FreezerStateFile(containerId);
        if (stateFile is null)
        {
            return false;
        }

        var deadline = DateTime.UtcNow + SettleBound;
        await File.WriteAllTextAsync(stateFile, wanted, ct);
        while ((await File.ReadAllTextAsync(stateFile, ct)).Trim() != wanted)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(1, ct);
        }

        return true;
    }

    /// <summary>The container's <c>freezer.state</c> as runc recorded it, or null.</summary>
    string? FreezerStateFile(string containerId)
    {
        var runcState = Path.Combine(runtimeRoot, containerId, "state.json");
        if (!File.Exists(runcState))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(runcState);
            using var doc = JsonDocument.Parse(stream);
            if (!doc.RootElement.TryGetProperty("cgroup_paths", out var paths)
                || !paths.TryGetProperty("freezer", out var freezer)
                || freezer.GetString() is not { Length: > 0 } dir)
            {
                return null;
            }

            var file = Path.Combine(dir, "freezer.state");
            return File.Exists(file) ? file : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
