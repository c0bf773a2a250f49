using System.Diagnostics;
using System.IO.Pipes;
using System.Text.Json;
using ActorPod.Core.Errors;
using ActorPod.Oci.Runc;
using Serilog;

namespace ActorPod.Oci.Conmon;

/// <summary>
/// Starts conmon, which daemonizes and runs <c>runc create</c>, and reads the result from its sync pipe.
/// </summary>
internal sealed class ConmonLauncher(RuntimeOptions options, ILogger logger)
{
    // Inheritable pipe ends leak into any process forked while they are open; serializing launches at least keeps
    // one conmon from holding another's pipes. Exec launches (ConmonExecRuntime) take the same gate.
    internal static readonly SemaphoreSlim LaunchGate = new(1, 1);

    public async Task<ConmonStarted> LaunchAsync(ConmonLaunch launch, CancellationToken ct)
    {
        var id = launch.ContainerId;
        using var sync = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        using var start = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.Inheritable);
        var psi = StartInfo(launch, sync.GetClientHandleAsString(), start.GetClientHandleAsString());

        logger.Debug("Running {Command} {Arguments} for {ContainerId}", psi.FileName, psi.ArgumentList, id);

        Process process;
        await LaunchGate.WaitAsync(ct);
        try
        {
            process = Process.Start(psi) ?? throw ActorPodException.Runtime(id, $"could not start {psi.FileName}");
        }
        finally
        {
            sync.DisposeLocalCopyOfClientHandle();
            start.DisposeLocalCopyOfClientHandle();
            LaunchGate.Release();
        }

        using (process)
        {
            // conmon waits for this byte before it runs runc create.
            start.WriteByte(0);
            start.Flush();

            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var message = await ReadSyncAsync(sync, id, ct);
            var conmonPid = await ReadPidFileAsync(launch.ConmonPidFile, process, ct);

            if (message is null)
            {
                var said = await Task.WhenAny(stderr, Task.Delay(500, ct)) == stderr ? stderr.Result.Trim() : "";
                throw ActorPodException.Runtime(id,
                    $"conmon for container {id} exited without reporting a pid: {(said == "" ? "no message" : said)}");
            }

            return ParseSync(message, id, conmonPid);
        }
    }

    private ProcessStartInfo StartInfo(ConmonLaunch launch, string syncFd, string startFd)
    {
        var psi = new ProcessStartInfo(options.ConmonPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            RedirectStandardError = true,
        };
        psi.Environment["_OCI_SYNCPIPE"] = syncFd;
        psi.Environment["_OCI_STARTPIPE"] = startFd;

        var id = launch.ContainerId;
        string[] args =
        [
            "--api-version", "1",
            "-c", id, "-u", id, "-n", id,
            "-r", options.RuncPath,
            "-b", launch.BundlePath,
            "-p", launch.PidFile,
            "-P", launch.ConmonPidFile,
            "--exit-dir", options.ExitDirectory,
            "--socket-dir-path", options.SocketDirectory,
            "-l", $"k8s-file:{launch.LogPath}",
            "--log-level", options.ConmonLogLevel,
            "--runtime-arg", $"--root={options.RuntimeRoot}",
        ];
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        if (launch.Tty)
        {
            psi.ArgumentList.Add("-t");
        }

        if (launch.OpenStdin)
        {
            psi.ArgumentList.Add("-i");
        }

        return psi;
    }

    // A line like {"data": 1234} or {"data": -1, "message": "..."}; null when conmon closed the pipe first.
    private async Task<string?> ReadSyncAsync(Stream sync, string id, CancellationToken ct)
    {
        using var reader = new StreamReader(sync, leaveOpen: true);

        // Pipe reads are not cancellable everywhere, so the timeout races the read instead of cancelling it.
        var read = reader.ReadLineAsync(CancellationToken.None).AsTask();
        var timeout = Task.Delay(options.CreateTimeout, ct);
        if (await Task.WhenAny(read, timeout) != read)
        {
            ct.ThrowIfCancellationRequested();
            throw ActorPodException.Runtime(id,
                $"conmon did not report the pid of container {id} within {options.CreateTimeout.TotalSeconds} s");
        }

        return await read;
    }

    private static async Task<int> ReadPidFileAsync(string path, Process launcher, CancellationToken ct)
    {
        // The launching process exits once the daemonized conmon is on its own and has written its pidfile.
        await launcher.WaitForExitAsync(ct);
        return File.Exists(path) && int.TryParse((await File.ReadAllTextAsync(path, ct)).Trim(), out var pid)
            ? pid
            : 0;
    }

    private static ConmonStarted ParseSync(string line, string id, int conmonPid)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var pid = root.TryGetProperty("data", out var data) ? data.GetInt32() : root.GetProperty("pid").GetInt32();
        if (pid > 0)
        {
            return new ConmonStarted(pid, conmonPid);
        }

        var raw = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        var said = RuncErrors.LastMessage(raw) ?? "no message";
        throw new ConmonCreateFailedException(
            ActorPodException.Runtime(id, $"creating container {id} failed: {said}"), conmonPid);
    }
}

/// <summary>runc create failed under conmon; the conmon pid is carried so it can still be reaped.</summary>
internal sealed class ConmonCreateFailedException(ActorPodException error, int conmonPid)
    : ActorPodException(error.Error, error.InnerException)
{
    public int ConmonPid { get; } = conmonPid;
}
