using ActorPod.Messages.Replies;

namespace ActorPod.Core.Errors;

/// <summary>
/// A failure with a place in the closed error set, thrown by the runtime driver and the storage layer and turned
/// back into a <see cref="ContainerError"/> where it meets an actor or the API.
/// </summary>
public class ActorPodException(ContainerError error, Exception? inner = null) : Exception(error.Message, inner)
{
    public ContainerError Error { get; } = error;

    public static ActorPodException NotFound(string reference, string what) =>
        new(ContainerError.NotFound(reference, what));

    public static ActorPodException InvalidArgument(string message) =>
        new(ContainerError.InvalidArgument(null, message));

    public static ActorPodException Runtime(string containerId, string message, Exception? inner = null) =>
        new(ContainerError.RuntimeFailed(containerId, message), inner);
}
