using System.Collections.Concurrent;
using ActorPod.Core.Errors;
using ActorPod.Oci;

namespace ActorPod.Actors.Tests.Fakes;

/// <summary>
/// An in-memory runtime for actor tests. Processes "exit" when signalled: SIGKILL always (137), other signals
/// unless the container's first argument is "ignore-term". A command "exit:N" exits with N as soon as it starts.
/// </summary>
public sealed class FakeRuntime : IContainerRuntime
{
    readonly ConcurrentDictionary<string, FakeProcess> _processes = new();
    int _nextPid = 1000;

    public sealed class FakeProcess
    {
        public required string Status { get; set; }

        public required int Pid { get; init; }

        public required IReadOnlyList<string> Args { get; init; }

        public RuntimeExit? Exit { get; set; }
    }

    public event Action<RuntimeExit>? Exited;

    /// <summary>When set, create fails with this message, as runc's own words would.</summary>
    public string? FailCreateWith { get; set; }

    /// <summary>When false, exits are written to the "exit file" but not announced (a watcher that missed
    /// one).</summary>
    public bool AnnounceExits { get; set; } = true;

    public ConcurrentQueue<string> Calls { get; } = new();

    public IReadOnlyDictionary<string, FakeProcess> Processes => _processes;

    public Task<RuntimeCreated> CreateAsync(RuntimeCreateRequest request, CancellationToken ct)
    {
        Calls.Enqueue($"create {request.ContainerId}");
        if (FailCreateWith is not null)
        {
            throw ActorPodException.Runtime(request.ContainerId, FailCreateWith);
        }

        var pid = Interlocked.Increment(ref _nextPid);
        _processes[request.ContainerId] = new FakeProcess { Status = "created", Pid = pid, Args = request.Spec.Args };
        return Task.FromResult(new RuntimeCreated(pid, $"/fake/{request.ContainerId}/bundle", "/fake/ctr.log"));
    }

    public Task StartAsync(string containerId, CancellationToken ct)
    {
        Calls.Enqueue($"start {containerId}");
        var process = _processes[containerId];
        process.Status = "running";
        if (process.Args[0].StartsWith("exit:", StringComparison.Ordinal))
        {
            var code = int.Parse(process.Args[0]["exit:".Length..]);
            _ = Task.Run(async () =>
            {
                await Task.Delay(20);
                ExitNow(containerId, code);
            });
        }

        return Task.CompletedTask;
    }

    public Task KillAsync(string containerId, int signal, CancellationToken ct)
    {
        Calls.Enqueue($"kill {containerId} {signal}");
        if (!_processes.TryGetValue(containerId, out var process) || process.Status == "stopped")
        {
            return Task.CompletedTask;
        }

        if (signal == 9 || process.Args[0] != "ignore-term")
        {
            _ = Task.Run(() => ExitNow(containerId, 128 + signal));
        }

        return Task.CompletedTask;
    }

    public Task PauseAsync(string containerId, CancellationToken ct) => SetStatus(containerId, "paused", "pause");

    public Task ResumeAsync(string containerId, CancellationToken ct) => SetStatus(containerId, "running", "resume");

    public Task DeleteAsync(string containerId, CancellationToken ct)
    {
        Calls.Enqueue($"delete {containerId}");
        _processes.TryRemove(containerId, out _);
        return Task.CompletedTask;
    }

    public Task<RuntimeStatus?> StateAsync(string containerId, CancellationToken ct) =>
        Task.FromResult(_processes.TryGetValue(containerId, out var p) ? new RuntimeStatus(p.Status, p.Pid) : null);

    public RuntimeExit? ReadExit(string containerId) =>
        _processes.TryGetValue(containerId, out var p) ? p.Exit : null;

    /// <summary>Makes the process exit now, as if it ended on its own.</summary>
    public void ExitNow(string containerId, int code)
    {
        var process = _processes[containerId];
        lock (process)
        {
            if (process.Status == "stopped")
            {
                return;
            }

            process.Status = "stopped";
            process.Exit = new RuntimeExit(containerId, code, DateTimeOffset.UtcNow);
        }

        if (AnnounceExits)
        {
            Exited?.Invoke(process.Exit);
        }
    }

    /// <summary>Reports an exit that conmon of an earlier, deleted run wrote late; the process is untouched.</summary>
    public void AnnounceLateExit(string containerId, int code, DateTimeOffset at) =>
        Exited?.Invoke(new RuntimeExit(containerId, code, at));

    Task SetStatus(string containerId, string status, string call)
    {
        Calls.Enqueue($"{call} {containerId}");
        if (!_processes.TryGetValue(containerId, out var process) || process.Status == "stopped")
        {
            throw ActorPodException.Runtime(containerId, $"container {containerId} is not running");
        }

        process.Status = status;
        return Task.CompletedTask;
    }
}
