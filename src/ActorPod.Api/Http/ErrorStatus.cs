using ActorPod.Messages.Replies;

namespace ActorPod.Api.Http;

/// <summary>The one place the closed error set meets HTTP status codes.</summary>
public static class ErrorStatus
{
    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.NameInUse => StatusCodes.Status409Conflict,
        ErrorKind.InvalidState => StatusCodes.Status409Conflict,
        ErrorKind.InvalidArgument => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };
}
