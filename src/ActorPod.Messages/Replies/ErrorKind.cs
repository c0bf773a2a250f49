namespace ActorPod.Messages.Replies;

/// <summary>The closed set of failures. Mapped once to HTTP status codes and to the CLI's exit code 125.</summary>
public enum ErrorKind
{
    /// <summary>No container, image or session by that reference (HTTP 404).</summary>
    NotFound,

    /// <summary>The name is taken by another container (HTTP 409).</summary>
    NameInUse,

    /// <summary>The command is not allowed in the container's current state (HTTP 409).</summary>
    InvalidState,

    /// <summary>The request itself is wrong: bad signal, bad name, malformed input (HTTP 400).</summary>
    InvalidArgument,

    /// <summary>runc, conmon or the file system failed; the message quotes the runtime's own words (HTTP
    /// 500).</summary>
    RuntimeFailed,
}
