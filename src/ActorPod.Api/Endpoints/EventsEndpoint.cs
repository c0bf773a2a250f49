using System.Text.Json;
using ActorPod.Actors.Events;
using ActorPod.Api.Http;
using ActorPod.Api.Mapping;

namespace ActorPod.Api.Endpoints;

/// <summary>
/// <c>GET /events?since=&amp;until=&amp;filters=</c>: container events from the journal, then live ones, one JSON
/// object per line. Without <c>until</c> the stream stays open until the client leaves.
/// </summary>
public static class EventsEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api, ContainerEventFeed? feed)
    {
        app.MapGet("/events", ctx => feed is null
            ? ApiJson.WriteErrorAsync(ctx, StatusCodes.Status501NotImplemented, "events are not available")
            : StreamAsync(ctx, feed));
    }

    static async Task StreamAsync(HttpContext ctx, ContainerEventFeed feed)
    {
        var since = Query.Time(ctx, "since");
        var until = Query.Time(ctx, "until");
        var filter = EventFilter.Parse(Query.String(ctx, "filters"));
        if (since is not null && until is not null && until < since)
        {
            throw ApiException.BadRequest("until must not be before since");
        }

        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);

        try
        {
            await foreach (var evt in feed.ReadAsync(since, until, follow: true, ctx.RequestAborted))
            {
                if (DockerEventMapper.ToDocker(evt) is { } message && filter.Matches(message))
                {
                    await JsonSerializer.SerializeAsync(ctx.Response.Body, message, ApiJson.Options,
                        ctx.RequestAborted);
                    await ctx.Response.Body.WriteAsync("\n"u8.ToArray(), ctx.RequestAborted);
                    await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                }
            }
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client left; nothing to finish.
        }
    }
}
