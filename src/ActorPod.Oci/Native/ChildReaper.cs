using System.Runtime.InteropServices;
using Serilog;

namespace ActorPod.Oci.Native;

/// <summary>
/// Makes the supervisor the reaper of the conmons it starts and reaps them one pid at a time. conmon daemonizes,
/// so without a subreaper its exited process would be a zombie of a pid 1 that does not reap (as in containers).
/// </summary>
public static class ChildReaper
{
    // Short at first because conmon exits right after writing the exit file; longer later in case it is still
    // syncing the log to disk.
    private static readonly TimeSpan[] Backoff =
    [
        .. Enumerable.Repeat(TimeSpan.FromMilliseconds(20), 10),
        .. Enumerable.Repeat(TimeSpan.FromMilliseconds(250), 40),
    ];

    /// <summary><c>prctl(PR_SET_CHILD_SUBREAPER, 1)</c>: orphaned descendants become this process's children.</summary>
    public static void BecomeSubreaper()
    {
        if (LibC.Prctl(LibC.PrSetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException(
                $"prctl(PR_SET_CHILD_SUBREAPER) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>
    /// Reaps <paramref name="pid"/> once it has exited, trying for about ten seconds. Never <c>waitpid(-1)</c>:
    /// .NET's SIGCHLD handling FailFasts when a process it started was reaped by someone else.
    /// </summary>
    /// <returns>True when reaped or not our child (nothing left to reap); false when it is still running.</returns>
    public static async Task<bool> ReapAsync(int pid, ILogger logger, CancellationToken ct = default)
    {
        foreach (var delay in Backoff)
        {
            var result = LibC.WaitPid(pid, out _, LibC.WNoHang);
            if (result == pid)
            {
                logger.Debug("Reaped conmon {Pid}", pid);
                return true;
            }

            if (result < 0)
            {
                // ECHILD: someone else's child (conmon of an earlier supervisor) or already reaped.
                return true;
            }

            await Task.Delay(delay, ct);
        }

        logger.Warning("conmon {Pid} has not exited; it is left to be reaped later", pid);
        return false;
    }
}
