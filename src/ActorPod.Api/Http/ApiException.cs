using ActorPod.Messages.Replies;

namespace ActorPod.Api.Http;

/// <summary>A failure that becomes an HTTP status and Docker's <c>{"message": ...}</c> body.</summary>
public sealed class ApiException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static ApiException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static ApiException From(ContainerError error) => new(ErrorStatus.Of(error.Kind), error.Message);
}
