using System.Diagnostics;
using System.IO.Pipes;
using ActorPod.Core.Errors;
using ActorPod.Core.Naming;
using ActorPod.Oci.Conmon;
using ActorPod.Oci.Spec;
using Serilog;
using Serilog.Core;

namespace ActorPod.Oci.Exec;

/// <summary>
/// <see cref="IExecRuntime"/> on <c>conmon -e --exec-attach</c>. conmon reads its start pipe twice: once before it
/// daemonizes, and once in the child that will run <c>runc exec</c>; between the two it reports on the attach pipe
/// that the attach socket listens. The second byte is written by <see cref="ExecSession.StartAsync"/>.
/// </summary>
public sealed class ConmonExecRuntime(RuntimeOptions options, ILogger? logger = null) : IExecRuntime
{
    private readonly ILogger _logger = (logger ?? Logger.None).ForContext<ConmonExecRuntime>();
    private readonly ulong _noFileHardLimit = HostRlimits.NoFileHardLimit();

    public async Task<ExecSession> PrepareAsync(ExecRequest request, CancellationToken ct)
    {
        Validate(request);
        WriteProcessSpec(request);

        var sync = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        var start = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.Inheritable);
        using var attach = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.Inheritable);
        try
        {
            var conmonPid = await LaunchAsync(request, sync, start, attach, ct);
            return new ExecSession(request, conmonPid, sync, start, options, _logger);
        }
        catch
        {
            await sync.DisposeAsync();
            await start.DisposeAsync();
            throw;
        }
    }

    private static void Validate(ExecRequest request)
    {
        if (!ContainerIds.IsFullId(request.ExecId))
        {
            throw ActorPodException.InvalidArgument(
                $"exec id for container {request.ContainerId} must be 64 lower-case hex characters, not "
                + $"\"{request.ExecId}\"");
        }

        if (request.Args.Count == 0)
        {
            throw ActorPodException.InvalidArgument(
                $"exec in container {request.ContainerId} needs a command: the argument list is empty");
        }
    }

    private void WriteProcessSpec(ExecRequest request)
    {
        Directory.CreateDirectory(request.ExecDir);
        Directory.CreateDirectory(request.ExitDirectory);
        var process = ExecProcessSpec.Build(request, _noFileHardLimit);
        File.WriteAllText(request.ProcessSpecPath, ExecProcessSpec.Serialize(process));
    }

    // Starts conmon and waits until its attach socket listens; returns the daemonized conmon's pid.
    private async Task<int> LaunchAsync(ExecRequest request, AnonymousPipeServerStream sync,
        AnonymousPipeServerStream start, AnonymousPipeServerStream attach, CancellationToken ct)
    {
        var psi = StartInfo(request, sync.GetClientHandleAsString(), start.GetClientHandleAsString(),
            attach.GetClientHandleAsString());

        _logger.Debug("Running {Command} {Arguments} for {ContainerId} exec {ExecId}", psi.FileName,
            psi.ArgumentList, request.ContainerId, request.ExecId);

        Process process;
        await ConmonLauncher.LaunchGate.WaitAsync(ct);
        try
        {
            process = Process.Start(psi)
                ?? throw ActorPodException.Runtime(request.ContainerId, $"could not start {psi.FileName}");
        }
        finally
        {
            sync.DisposeLocalCopyOfClientHandle();
            start.DisposeLocalCopyOfClientHandle();
            attach.DisposeLocalCopyOfClientHandle();
            ConmonLauncher.LaunchGate.Release();
        }

        using (process)
        {
            // First byte: conmon may daemonize and set up its attach socket.
            start.WriteByte(0);
            start.Flush();

            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var ready = await PipeLines.ReadLineAsync(attach, options.CreateTimeout, ct);
            await process.WaitForExitAsync(ct);
            var conmonPid = ReadPid(request.ConmonPidFile);

            if (ready is null)
            {
                var said = await Task.WhenAny(stderr, Task.Delay(500, ct)) == stderr ? stderr.Result.Trim() : "";
                throw ActorPodException.Runtime(request.ContainerId,
                    $"conmon for exec {ContainerIds.Short(request.ExecId)} in container {request.ContainerId} "
                    + $"exited before its attach socket was ready: {(said == "" ? "no message" : said)}");
            }

            return conmonPid;
        }
    }

    private ProcessStartInfo StartInfo(ExecRequest request, string syncFd, string startFd, string attachFd)
    {
        var psi = new ProcessStartInfo(options.ConmonPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardError = true,
        };
        psi.Environment["_OCI_SYNCPIPE"] = syncFd;
        psi.Environment["_OCI_STARTPIPE"] = startFd;
        psi.Environment["_OCI_ATTACHPIPE"] = attachFd;

        string[] args =
        [
            "--api-version", "1",
            "-e", "--exec-attach",
            "--exec-process-spec", request.ProcessSpecPath,
            "-c", request.ContainerId, "-u", request.ExecId,
            "-r", options.RuncPath,
            "-b", request.ExecDir,
            "-p", request.PidFile,
            "-P", request.ConmonPidFile,
            "--exit-dir", request.ExitDirectory,
            "--socket-dir-path", options.SocketDirectory,
            "-l", $"k8s-file:{request.LogPath}",
            "--log-level", options.ConmonLogLevel,
            "--runtime-arg", $"--root={options.RuntimeRoot}",
            .. request.Tty ? ["-t"] : Array.Empty<string>(),
            .. request.AttachStdin ? ["-i"] : Array.Empty<string>(),
        ];
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        return psi;
    }

    private static int ReadPid(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid) ? pid : 0;
}
