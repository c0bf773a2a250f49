using ActorPod.Actors.Attach;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Exec;

namespace ActorPod.Actors.Exec;

/// <summary>A container tells its registry that an exec id belongs to it, so exec commands find their way.</summary>
public sealed record ExecKnown(string ExecId, string ContainerId);

/// <summary>The container asks its session actor to start, with or without an attached client.</summary>
internal sealed record BeginExec(IActorRef ReplyTo, IAttachClient? Client, byte[] DetachKeys);

/// <summary>The session's process runs; the container journals it and answers the caller.</summary>
internal sealed record ExecProcessStarted(string ExecId, int Pid, IActorRef ReplyTo, IActorRef? Stream);

/// <summary>The session's process could not start; nothing was journaled.</summary>
internal sealed record ExecStartFailed(string ExecId, ContainerError Error, ExecStartFailure Failure,
    IActorRef ReplyTo);

/// <summary>The session's process exited (or a recovered session was found gone).</summary>
internal sealed record ExecProcessEnded(string ExecId, int ExitCode, string? Reason = null);

/// <summary>The container journaled the session's end: the session may release its client and stop.</summary>
internal sealed record ExecEndRecorded;

/// <summary>Sessions still open some time after their container exited are closed with it.</summary>
internal sealed record CloseOrphanedExecs;
