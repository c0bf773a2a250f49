namespace ActorPod.Oci.Exec;

/// <summary>
/// Runs extra processes in running containers under their own conmon. Two steps so a client can attach first:
/// <see cref="PrepareAsync"/> leaves conmon waiting with its attach socket listening; the caller connects its
/// stdio (see <see cref="Attach.AttachConnection"/>), then <see cref="ExecSession.StartAsync"/> runs
/// <c>runc exec</c>. Without a client, call StartAsync right away; output still goes to the session's log.
/// </summary>
public interface IExecRuntime
{
    /// <summary>
    /// Writes the process spec and starts conmon; returns once the session's attach socket accepts connections.
    /// Throws ActorPodException: InvalidArgument for a bad request, RuntimeFailed when conmon cannot start.
    /// </summary>
    Task<ExecSession> PrepareAsync(ExecRequest request, CancellationToken ct);
}
