using ActorPod.Messages.Commands;

namespace ActorPod.Actors.Attach;

/// <summary>
/// Attach a client to a container's stdio (Docker's <c>POST /containers/{id}/attach</c>). Accepted while the
/// container exists in the runtime (initialized, running or paused); refused otherwise with InvalidState. Leads to
/// an attach stream actor, a child of the container; replies <see cref="AttachReady"/> once connected to conmon, so
/// a start sent after the reply cannot lose the first output. Local only: the client is a live connection.
/// </summary>
public sealed record AttachContainer(string ContainerId, IAttachClient Client, byte[] DetachKeys, bool Stdin)
    : IContainerCommand;

/// <summary>
/// Start a created exec session with a client attached (Docker's exec start with <c>Detach: false</c>). Accepted
/// like <see cref="StartExec"/>; replies <see cref="AttachReady"/> once the process runs. Local only.
/// </summary>
public sealed record StartExecAttached(string ExecId, IAttachClient Client, byte[] DetachKeys) : IExecCommand;

/// <summary>The attach stream is connected; <paramref name="Tty"/> says whether output is one raw stream.</summary>
public sealed record AttachReady(string ContainerId, bool Tty, IActorRef Stream);

/// <summary>Resize the terminal behind an attach stream.</summary>
public sealed record ResizeAttach(int Height, int Width);

/// <summary>
/// Resize a container's terminal through conmon's control FIFO. Accepted while it is initialized, running or
/// paused and has a tty; replies <see cref="Messages.Replies.CommandSucceeded"/>. Changes nothing journaled.
/// </summary>
public sealed record ResizeContainer(string ContainerId, int Height, int Width) : IContainerCommand;
