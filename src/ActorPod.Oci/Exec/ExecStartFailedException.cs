using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;

namespace ActorPod.Oci.Exec;

/// <summary>
/// <c>runc exec</c> failed before the process ran (RuntimeFailed, quoting runc); <see cref="Failure"/> says whether
/// the command was missing or not executable, so a caller can report 127 or 126 like podman.
/// </summary>
public sealed class ExecStartFailedException(ContainerError error, ExecStartFailure failure, string runtimeMessage)
    : ActorPodException(error)
{
    public ExecStartFailure Failure { get; } = failure;

    /// <summary>runc's own last words, without our prefix.</summary>
    public string RuntimeMessage { get; } = runtimeMessage;
}
