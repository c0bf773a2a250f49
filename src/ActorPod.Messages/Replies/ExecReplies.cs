namespace ActorPod.Messages.Replies;

/// <summary>An exec session was created in a container; it has not started.</summary>
public sealed record ExecCreated(string ContainerId, string ExecId);

/// <summary>What the supervisor knows of an exec session: Docker's <c>GET /exec/{id}/json</c>.</summary>
/// <param name="Pid">Host pid of the process while it runs (0 before start, and after the end).</param>
/// <param name="ExitCode">The process's exit code once ended; null while it has not ended.</param>
/// <param name="Reason">Why it ended when it was not a plain exit (container stopped, supervisor restarted).</param>
public sealed record ExecDetails(
    string ContainerId,
    string ExecId,
    IReadOnlyList<string> Args,
    bool Tty,
    string User,
    bool Privileged,
    bool AttachStdin,
    bool AttachStdout,
    bool AttachStderr,
    bool Running,
    int Pid,
    int? ExitCode,
    string? Reason = null);
