using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary><c>POST /containers/{id}/pause</c> and <c>/unpause</c>: the cgroup freezer, 204 when done.</summary>
public static class PauseEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPost("/containers/{id}/pause", ctx => RunAsync(ctx, api, new PauseContainer(Id(ctx))));
        app.MapPost("/containers/{id}/unpause", ctx => RunAsync(ctx, api, new UnpauseContainer(Id(ctx))));
    }

    static async Task RunAsync(HttpContext ctx, ApiServices api, IContainerCommand command)
    {
        await api.Registry.AskAsync<CommandSucceeded>(command, ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
