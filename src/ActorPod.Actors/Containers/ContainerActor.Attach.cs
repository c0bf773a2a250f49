using ActorPod.Actors.Attach;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>
    /// Each client gets its own attach stream actor on conmon's socket, so several may attach at once and one that
    /// leaves takes nothing down with it. The stream answers the caller once it is connected.
    /// </summary>
    void OnAttach(AttachContainer msg)
    {
        if (_state.Status is not (ContainerStatus.Created or ContainerStatus.Running or ContainerStatus.Paused)
            || _state.BundlePath is null)
        {
            Sender.Tell(new CommandFailed(new ContainerError(ErrorKind.InvalidState, Id,
                $"cannot attach to container {Id}: it is {StatusNames.Podman(_state.Status)}, not initialized, "
                + "running or paused")));
            return;
        }

        var spec = _state.Spec!;
        var setup = new AttachStreamSetup(Id, null, msg.Client, msg.DetachKeys, msg.Stdin && spec.OpenStdin,
            spec.Tty, _deps.AttachConnector, SocketPath: Path.Join(_state.BundlePath, "attach"), ReplyTo: Sender);
        Context.ActorOf(AttachStreamActor.Props(setup), "attach-" + Guid.NewGuid().ToString("N")[..12]);
    }

    void OnResizeContainer(ResizeContainer msg)
    {
        if (_state.BundlePath is null || !IsLive())
        {
            Sender.Tell(new CommandFailed(new ContainerError(ErrorKind.InvalidState, Id,
                $"cannot resize container {Id}: it is {StatusNames.Podman(_state.Status)}, not running")));
            return;
        }

        try
        {
            Oci.Attach.ConsoleControl.Resize(Path.Join(_state.BundlePath, "ctl"), msg.Width, msg.Height);
            Sender.Tell(new CommandSucceeded(Id, "resize"));
        }
        catch (Exception ex) when (ex is Core.Errors.ActorPodException or IOException)
        {
            Sender.Tell(new CommandFailed(AsError(Id, ex)));
        }
    }
}
