namespace ActorPod.Messages.Replies;

/// <summary>
/// A failure as it reaches a caller: its kind, the container it concerns (when there is one) and a message that
/// names the container, the state it was in and what was asked.
/// </summary>
public sealed record ContainerError(ErrorKind Kind, string? ContainerId, string Message)
{
    public static ContainerError NotFound(string reference, string what = "container") =>
        new(ErrorKind.NotFound, null, $"no such {what}: {reference}");

    public static ContainerError InvalidArgument(string? id, string message) =>
        new(ErrorKind.InvalidArgument, id, message);

    public static ContainerError RuntimeFailed(string id, string message) => new(ErrorKind.RuntimeFailed, id, message);

    public override string ToString() => Message;
}
