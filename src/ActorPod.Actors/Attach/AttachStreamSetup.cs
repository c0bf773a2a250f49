namespace ActorPod.Actors.Attach;

/// <summary>What an <see cref="AttachStreamActor"/> connects and to whom it answers.</summary>
/// <param name="SocketPath">conmon's attach socket, when <paramref name="Channel"/> is not connected already.</param>
/// <param name="ReplyTo">Told <see cref="AttachReady"/> once connected; null when the parent replies itself.</param>
/// <param name="CompleteOnOutputEnd">
/// False for exec sessions: their client is completed by the session once its exit code is journaled, so a client
/// that inspects the session right after the stream ends sees the code.
/// </param>
public sealed record AttachStreamSetup(
    string ContainerId,
    string? ExecId,
    IAttachClient Client,
    byte[] DetachKeys,
    bool Stdin,
    bool Tty,
    IAttachConnector Connector,
    string? SocketPath = null,
    IAttachChannel? Channel = null,
    IActorRef? ReplyTo = null,
    bool CompleteOnOutputEnd = true);
