using Akka.Actor;
using ActorPod.Messages.Replies;

namespace ActorPod.Api.Http;

/// <summary>
/// The API's one way into the supervisor: asks the registry and turns <see cref="CommandFailed"/> into an
/// <see cref="ApiException"/>, so handlers see only the success replies.
/// </summary>
public sealed class Registry(IActorRef registry, TimeSpan timeout)
{
    public IActorRef Ref { get; } = registry;

    /// <summary>Asks with the ordinary timeout and expects a <typeparamref name="T"/>.</summary>
    public Task<T> AskAsync<T>(object message, CancellationToken ct) => AskAsync<T>(message, timeout, ct);

    /// <summary>Asks with an explicit timeout (<see cref="Timeout.InfiniteTimeSpan"/> for waits).</summary>
    public async Task<T> AskAsync<T>(object message, TimeSpan askTimeout, CancellationToken ct)
    {
        object reply;
        try
        {
            reply = await Ref.Ask<object>(message, askTimeout, ct);
        }
        catch (AskTimeoutException)
        {
            throw new ApiException(StatusCodes.Status500InternalServerError,
                $"the supervisor did not answer {message.GetType().Name} within {askTimeout.TotalSeconds:0} seconds");
        }

        return reply switch
        {
            T ok => ok,
            CommandFailed failed => throw ApiException.From(failed.Error),
            Status.Failure failure => throw new ApiException(StatusCodes.Status500InternalServerError,
                failure.Cause?.Message ?? "the supervisor failed"),
            _ => throw new ApiException(StatusCodes.Status500InternalServerError,
                $"unexpected reply {reply.GetType().Name} to {message.GetType().Name}"),
        };
    }
}
