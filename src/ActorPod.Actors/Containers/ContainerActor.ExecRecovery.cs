using ActorPod.Actors.Exec;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Oci.Exits;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>What the journal says of sessions, kept for inspect after a restart.</summary>
    void RememberExec(IContainerEvent evt)
    {
        switch (evt)
        {
            case ExecSessionStarted e:
                _execs[e.ExecId] = new ExecRecord(e.ExecId, new CreateExec(Id, e.Args), ExecPhase.Running,
                    ActorRefs.Nobody) { Pid = e.Pid };
                break;
            case ExecSessionEnded e when _execs.TryGetValue(e.ExecId, out var record):
                _execs[e.ExecId] = record with { Phase = ExecPhase.Ended, ExitCode = e.ExitCode, Reason = e.Reason };
                break;
        }
    }

    /// <summary>
    /// Sessions the journal says are open were started by an earlier supervisor: their conmons may still run. Each
    /// is watched until its process is gone, then ended with the code from its exit file when there is one.
    /// </summary>
    void ReconcileExecs()
    {
        foreach (var record in _execs.Values)
        {
            _registry.Tell(new ExecKnown(record.ExecId, Id));
        }

        var containerDir = _deps.Storage.ContainerDirectory(Id);
        foreach (var execId in _state.ExecIds)
        {
            if (!_execs.ContainsKey(execId))
            {
                _execs[execId] = new ExecRecord(execId, new CreateExec(Id, []), ExecPhase.Running, ActorRefs.Nobody);
                _registry.Tell(new ExecKnown(execId, Id));
            }

            var execDir = ExecPaths.Directory(containerDir, execId);
            WatchRecoveredAsync(Id, execId, execDir).PipeTo(Self);
        }
    }

    const string GoneReason = "the supervisor restarted and the session's process is gone";

    // TODO: polls conmon's pid every 250 ms; an inotify watch on the exit directory, like container exits, would
    // be better, but recovered sessions are rare and short-lived.
    static async Task<ExecProcessEnded> WatchRecoveredAsync(string containerId, string execId, string execDir)
    {
        var exitDir = Path.Join(execDir, "exits");
        var watched = false;
        while (ConmonAlive(execDir))
        {
            watched = true;
            await Task.Delay(250);
        }

        var exit = ExitFiles.Read(exitDir, containerId);
        return exit is null
            ? new ExecProcessEnded(execId, -1, GoneReason + "; its exit code is unknown")
            : new ExecProcessEnded(execId, exit.ExitCode, watched ? null : GoneReason);
    }

    static bool ConmonAlive(string execDir)
    {
        var pidFile = ExecPaths.ConmonPidFile(execDir);
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) || pid <= 0)
        {
            return false;
        }

        try
        {
            // An orphaned conmon nobody reaps lingers as a zombie: it counts as gone.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && File.ReadAllText($"/proc/{pid}/cmdline").Contains(execDir);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
