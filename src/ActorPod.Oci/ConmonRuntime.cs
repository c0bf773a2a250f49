using System.Collections.Concurrent;
using System.Text.Json;
using ActorPod.Core.Errors;
using ActorPod.Oci.Conmon;
using ActorPod.Oci.Exits;
using ActorPod.Oci.Native;
using ActorPod.Oci.Runc;
using ActorPod.Oci.Spec;
using Serilog;
using Serilog.Core;

namespace ActorPod.Oci;

/// <summary>
/// <see cref="IContainerRuntime"/> on conmon and runc. Call <see cref="ChildReaper.BecomeSubreaper"/> once at
/// process start so the conmons it launches can be reaped; construct one per runtime root and dispose it on
/// shutdown (the containers and their conmons keep running).
/// </summary>
public sealed class ConmonRuntime : IContainerRuntime, IDisposable
{
    private readonly RuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly OciSpecBuilder _specBuilder;
    private readonly RuncInvoker _runc;
    private readonly CgroupFreezer _freezer;
    private readonly ExecFifoStart _execFifo;
    private readonly ConmonLauncher _conmon;
    private readonly ExitWatcher _watcher;

    // conmons started by this process, by container id: the only ones that are our children to reap.
    private static readonly TimeSpan LateExitFileWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, int> _conmonPids = new();

    public ConmonRuntime(RuntimeOptions options, ILogger? logger = null)
    {
        _options = options;
        _logger = (logger ?? Logger.None).ForContext<ConmonRuntime>();
        options.EnsureDirectories();

        _specBuilder = OciSpecBuilder.ForHost(options);
        _runc = new RuncInvoker(options, _logger);
        _freezer = new CgroupFreezer(options.RuntimeRoot);
        _execFifo = new ExecFifoStart(options.RuntimeRoot);
        _conmon = new ConmonLauncher(options, _logger);
        _watcher = new ExitWatcher(options.ExitDirectory, _logger);
        _watcher.Exited += OnExited;
    }

    public event Action<RuntimeExit>? Exited;

    public async Task<RuntimeCreated> CreateAsync(RuntimeCreateRequest request, CancellationToken ct)
    {
        var id = request.ContainerId;
        var bundle = Path.Combine(request.ContainerDir, "bundle");
        var spec = _specBuilder.Build(id, request.Spec, request.RootfsPath);
        OciSpecJson.WriteBundle(spec, bundle);

        // A leftover exit file from an earlier run would read as this run's exit.
        File.Delete(Path.Combine(_options.ExitDirectory, id));
        _watcher.Forget(id);

        var launch = new ConmonLaunch(id, bundle, request.ContainerDir, request.Spec.Tty, request.Spec.OpenStdin);
        try
        {
            var started = await _conmon.LaunchAsync(launch, ct);
            if (started.ConmonPid > 0)
            {
                _conmonPids[id] = started.ConmonPid;
            }

            return new RuntimeCreated(started.Pid, bundle, launch.LogPath);
        }
        catch (ConmonCreateFailedException e)
        {
            // No exit file follows a failed create, so nothing else would reap this conmon.
            if (e.ConmonPid > 0)
            {
                _ = ChildReaper.ReapAsync(e.ConmonPid, _logger, CancellationToken.None);
            }

            throw new ActorPodException(e.Error);
        }
    }

    public async Task StartAsync(string containerId, CancellationToken ct)
    {
        if (await _execFifo.TryStartAsync(containerId, ct))
        {
            _logger.Debug("Started container {ContainerId} through its exec fifo", containerId);
            return;
        }

        await _runc.RunCheckedAsync(containerId, "start", [containerId], ct);
    }

    public async Task KillAsync(string containerId, int signal, CancellationToken ct)
    {
        var result = await _runc.RunAsync(containerId, ["kill", containerId, signal.ToString()], ct);
        if (result.Succeeded)
        {
            return;
        }

        // runc refuses to signal a stopped container; for the caller the process is gone either way.
        var state = await StateAsync(containerId, ct);
        if (state is null || state.Status == "stopped")
        {
            return;
        }

        throw ActorPodException.Runtime(containerId,
            $"runc kill of container {containerId} with signal {signal} failed: {result.Message}");
    }

    public async Task PauseAsync(string containerId, CancellationToken ct)
    {
        if (await _freezer.FreezeAsync(containerId, ct))
        {
            _logger.Debug("Froze container {ContainerId} through its freezer cgroup", containerId);
            return;
        }

        await _runc.RunCheckedAsync(containerId, "pause", [containerId], ct);
    }

    public async Task ResumeAsync(string containerId, CancellationToken ct)
    {
        if (await _freezer.ThawAsync(containerId, ct))
        {
            _logger.Debug("Thawed container {ContainerId} through its freezer cgroup", containerId);
            return;
        }

        await _runc.RunCheckedAsync(containerId, "resume", [containerId], ct);
    }

    public async Task DeleteAsync(string containerId, CancellationToken ct)
    {
        var exitPath = Path.Combine(_options.ExitDirectory, containerId);
        var killsLiveProcess = !File.Exists(exitPath) && await StateAsync(containerId, ct) is
            { Status: "running" or "paused" or "created" };
        var result = await _runc.RunAsync(containerId, ["delete", "--force", containerId], ct);
        if (!result.Succeeded && !RuncErrors.IsNotFound(result.Message))
        {
            throw ActorPodException.Runtime(containerId,
                $"runc delete of container {containerId} failed: {result.Message}");
        }

        if (killsLiveProcess)
        {
            await WaitForLateExitFileAsync(containerId, exitPath, ct);
        }

        File.Delete(Path.Combine(_options.ExitDirectory, containerId));
        DeleteSocketEntry(Path.Combine(_options.SocketDirectory, containerId));

        _watcher.Forget(containerId);
    }

    /// <summary>
    /// The conmon of a killed process writes its exit file some milliseconds after <c>runc delete --force</c>
    /// returns; deleted too early, it would reappear during the next run and read as that run's exit. A conmon that
    /// is itself gone never writes it, hence the bound.
    /// </summary>
    private async Task WaitForLateExitFileAsync(string containerId, string exitPath, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + LateExitFileWait;
        while (!File.Exists(exitPath) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, ct);
        }

        if (!File.Exists(exitPath))
        {
            _logger.Warning("Container {ContainerId}: no exit file from its conmon within {Wait} after runc delete",
                containerId, LateExitFileWait);
        }
    }

    public async Task<RuntimeStatus?> StateAsync(string containerId, CancellationToken ct)
    {
        var result = await _runc.RunAsync(containerId, ["state", containerId], ct);
        if (!result.Succeeded)
        {
            return RuncErrors.IsNotFound(result.Message)
                ? null
                : throw ActorPodException.Runtime(containerId,
                    $"runc state of container {containerId} failed: {result.Message}");
        }

        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        var status = root.GetProperty("status").GetString() ?? "unknown";
        return new RuntimeStatus(status, root.GetProperty("pid").GetInt32());
    }

    public RuntimeExit? ReadExit(string containerId) => ExitFiles.Read(_options.ExitDirectory, containerId);

    public void Dispose() => _watcher.Dispose();

    // conmon makes SOCKDIR/ID a symlink to the bundle (where the attach socket really lives): remove the link,
    // never what it points to.
    private static void DeleteSocketEntry(string path)
    {
        var entry = new DirectoryInfo(path);
        if (entry.LinkTarget is not null)
        {
            entry.Delete();
        }
        else if (entry.Exists)
        {
            entry.Delete(recursive: true);
        }
    }

    private void OnExited(RuntimeExit exit)
    {
        if (_conmonPids.TryRemove(exit.ContainerId, out var conmonPid))
        {
            _ = ChildReaper.ReapAsync(conmonPid, _logger, CancellationToken.None);
        }

        Exited?.Invoke(exit);
    }
}
