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

    // cgroup v1 cannot always freeze a group while new tasks join it (a parallel exec): it stays FREEZING. As runc
    // does, write FROZEN again and again, thaw now and then so the newcomers get through, and if it will not
    // settle, thaw it back: a group left FREEZING holds its tasks (and any exec joining it) for ever.
    const int FreezeAttempts = 1000;
    const int ThawEvery = 50;

    /// <summary>Freezes every task of the container; false when the direct path is not available or the group
    /// would not freeze (it is thawed again then, and the caller may ask runc).</summary>
    public async Task<bool> FreezeAsync(string containerId, CancellationToken ct)
    {
        var stateFile = FreezerStateFile(containerId);
        if (stateFile is null)
        {
            return false;
        }

        for (var attempt = 0; attempt < FreezeAttempts; attempt++)
        {
            if (attempt % ThawEvery == ThawEvery - 1)
            {
                await File.WriteAllTextAsync(stateFile, Thawed, ct);
                await Task.Delay(10, ct);
            }

            await File.WriteAllTextAsync(stateFile, Frozen, ct);
            if ((await File.ReadAllTextAsync(stateFile, ct)).Trim() == Frozen)
            {
                return true;
            }
        }

        await File.WriteAllTextAsync(stateFile, Thawed, CancellationToken.None);
        return false;
    }

    /// <summary>Thaws the container; false when the direct path is not available.</summary>
    public async Task<bool> ThawAsync(string containerId, CancellationToken ct)
    {
        var stateFile = FreezerStateFile(containerId);
        if (stateFile is null)
        {
            return false;
        }

        for (var attempt = 0; attempt < FreezeAttempts; attempt++)
        {
            await File.WriteAllTextAsync(stateFile, Thawed, ct);
            if ((await File.ReadAllTextAsync(stateFile, ct)).Trim() == Thawed)
            {
                return true;
            }

            await Task.Delay(1, ct);
        }

        return false;
    }

    /// <summary>The container's <c>freezer.state</c> as runc recorded it, or null.</summary>
    string? FreezerStateFile(string containerId) =>
        RuncStateFile.Read(runtimeRoot, containerId)?.FreezerDirectory is { } dir
        && Path.Combine(dir, "freezer.state") is var file && File.Exists(file)
            ? file
            : null;
}
