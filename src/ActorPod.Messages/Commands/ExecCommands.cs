namespace ActorPod.Messages.Commands;

/// <summary>
/// A command addressed to one exec session by its 64-hex id. The registry knows which container owns each
/// session and forwards the command there.
/// </summary>
public interface IExecCommand
{
    string ExecId { get; }
}

/// <summary>
/// Create (but do not start) an exec session in a container, Docker's <c>POST /containers/{id}/exec</c>. Accepted
/// only while the container is running; refused with InvalidState when it is created, paused or stopped. Leads to
/// a session that exists but has not run; replies <see cref="Replies.ExecCreated"/> or
/// <see cref="Replies.CommandFailed"/>.
/// </summary>
public sealed record CreateExec(
    string ContainerId,
    IReadOnlyList<string> Args,
    IReadOnlyList<string>? Env = null,
    string? User = null,
    string? WorkingDir = null,
    bool Tty = false,
    bool AttachStdin = false,
    bool AttachStdout = true,
    bool AttachStderr = true,
    bool Privileged = false) : IContainerCommand;

/// <summary>
/// Start a created exec session without a client (Docker's <c>Detach: true</c>); its output goes to the session's
/// log. Accepted for a created session of a running container; a started one is refused (InvalidState). Leads to a
/// running session, journaled as <c>ExecSessionStarted</c>; replies <see cref="Replies.ExecDetails"/> once the
/// process runs, or <see cref="Replies.CommandFailed"/> quoting the runtime.
/// </summary>
public sealed record StartExec(string ExecId) : IExecCommand;

/// <summary>Ask for <see cref="Replies.ExecDetails"/> of a session, live or ended. Accepted in every state.</summary>
public sealed record InspectExec(string ExecId) : IExecCommand;

/// <summary>
/// Resize the terminal of a running exec session that has a tty. Accepted while it runs; replies
/// <see cref="Replies.CommandSucceeded"/>. Changes nothing journaled.
/// </summary>
public sealed record ResizeExec(string ExecId, int Height, int Width) : IExecCommand;
