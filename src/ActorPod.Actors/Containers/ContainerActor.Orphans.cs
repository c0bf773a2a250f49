using ActorPod.Oci;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>Time to ask runc again about a container whose conmon is gone.</summary>
    sealed record OrphanCheckDue;

    static readonly TimeSpan OrphanCheckEvery = TimeSpan.FromSeconds(2);

    void OrphanCommands() => Command<OrphanCheckDue>(_ => OnOrphanCheckDue());

    /// <summary>
    /// conmon writes the exit file; with conmon gone nobody will, so the watcher would wait forever. For such
    /// orphans only, runc state is asked on a slow timer until the process is gone. Healthy containers are never
    /// polled: their conmon reports the exit.
    /// </summary>
    void WatchOrphan()
    {
        _log.Warning("Container {ContainerId} runs but its conmon is gone: its exit code will be lost; watching it " +
            "with runc state every {Interval}", Id, OrphanCheckEvery);
        Timers.StartSingleTimer("orphan-check", new OrphanCheckDue(), OrphanCheckEvery);
    }

    void OnOrphanCheckDue()
    {
        if (!IsLive())
        {
            return;
        }

        var id = Id;
        var runtime = _deps.Runtime;
        OrphanProbeAsync(id, runtime).PipeTo(Self, success: msg => msg ?? (object)new OrphanStillRunning(),
            failure: _ => new OrphanStillRunning());
    }

    sealed record OrphanStillRunning;

    void OrphanReplies() => Command<OrphanStillRunning>(_ =>
        Timers.StartSingleTimer("orphan-check", new OrphanCheckDue(), OrphanCheckEvery));

    static async Task<ContainerProcessExited?> OrphanProbeAsync(string id, IContainerRuntime runtime)
    {
        var status = await runtime.StateAsync(id, CancellationToken.None);
        if (status is not null && status.Status is "running" or "paused" or "created")
        {
            return null;
        }

        return new ContainerProcessExited(runtime.ReadExit(id) ?? LostExit(id),
            "the container's conmon died, so its exit code is unknown");
    }

    /// <summary>
    /// True when conmon's pid file names a process that is gone or a zombie: with the supervisor dead, a conmon
    /// that exits is nobody's child here, and an unreaped zombie still has its /proc entry.
    /// </summary>
    static bool ConmonGone(string containerDirectory)
    {
        try
        {
            var text = File.ReadAllText(Path.Join(containerDirectory, "conmon.pid")).Trim();
            if (!int.TryParse(text, out var pid))
            {
                return false;
            }

            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No pid file: not ours to judge. No /proc entry: the pid file names a dead conmon.
            return e is not FileNotFoundException || !e.Message.Contains("conmon.pid", StringComparison.Ordinal);
        }
    }
}
