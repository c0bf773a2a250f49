using ActorPod.Messages.Model;

namespace ActorPod.Oci;

/// <summary>What the supervisor needs to create a container in the runtime.</summary>
/// <param name="ContainerId">Full 64-hex id; also the runc container id.</param>
/// <param name="Spec">The resolved container spec.</param>
/// <param name="RootfsPath">The mounted (merged) root file system.</param>
/// <param name="ContainerDir">The container's own directory under the root: bundle, log, exit and attach files.</param>
public sealed record RuntimeCreateRequest(
    string ContainerId, ContainerSpec Spec, string RootfsPath, string ContainerDir);

/// <summary>The container exists in the runtime; its first process waits for <c>runc start</c>.</summary>
public sealed record RuntimeCreated(int Pid, string BundlePath, string LogPath);

/// <summary>A container's process exited, as conmon's exit file tells.</summary>
public sealed record RuntimeExit(string ContainerId, int ExitCode, DateTimeOffset At);

/// <summary>What <c>runc state</c> reports: created, running, paused, stopped; null when runc knows no such
/// id.</summary>
public sealed record RuntimeStatus(string Status, int Pid);

/// <summary>
/// An OCI runtime under conmon. Every method may take a while (it runs processes): callers run them off their
/// mailbox. Failures throw <see cref="Core.Errors.ActorPodException"/> of kind RuntimeFailed quoting runc.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>Writes the bundle, starts conmon, which runs <c>runc create</c>; returns the container's pid.</summary>
    Task<RuntimeCreated> CreateAsync(RuntimeCreateRequest request, CancellationToken ct);

    /// <summary><c>runc start</c>: releases the created process.</summary>
    Task StartAsync(string containerId, CancellationToken ct);

    /// <summary><c>runc kill</c> with a signal number. Killing an already-stopped container is not an error.</summary>
    Task KillAsync(string containerId, int signal, CancellationToken ct);

    /// <summary><c>runc pause</c> (cgroup freezer).</summary>
    Task PauseAsync(string containerId, CancellationToken ct);

    /// <summary><c>runc resume</c>.</summary>
    Task ResumeAsync(string containerId, CancellationToken ct);

    /// <summary><c>runc delete --force</c> and the runtime's files for this run (exit file, attach socket).</summary>
    Task DeleteAsync(string containerId, CancellationToken ct);

    /// <summary><c>runc state</c>; null when the runtime does not know the container.</summary>
    Task<RuntimeStatus?> StateAsync(string containerId, CancellationToken ct);

    /// <summary>The exit code in conmon's exit file, when the container has exited; null otherwise.</summary>
    RuntimeExit? ReadExit(string containerId);

    /// <summary>Raised, on a thread-pool thread, each time conmon writes an exit file.</summary>
    event Action<RuntimeExit>? Exited;
}
