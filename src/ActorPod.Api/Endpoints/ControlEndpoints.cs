using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary>Pause, unpause and restart (Docker's paths), and ActorPod's mount, unmount, cleanup and history.</summary>
public static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPost("/containers/{id}/pause", ctx => RunAsync(ctx, api, new PauseContainer(Id(ctx))));
        app.MapPost("/containers/{id}/unpause", ctx => RunAsync(ctx, api, new UnpauseContainer(Id(ctx))));
        app.MapPost("/containers/{id}/restart", ctx => RestartAsync(ctx, api));
        app.MapPost("/actorpod/containers/{id}/mount", ctx => MountAsync(ctx, api));
        app.MapPost("/actorpod/containers/{id}/unmount", ctx => RunAsync(ctx, api, new UnmountContainer(Id(ctx))));
        app.MapPost("/actorpod/containers/{id}/cleanup", ctx => RunAsync(ctx, api, new CleanupContainer(Id(ctx))));
        app.MapGet("/actorpod/containers/{id}/history", ctx => HistoryAsync(ctx, api));
        app.MapGet("/actorpod/nodes", ctx => NodesAsync(ctx, api));
    }

    static async Task NodesAsync(HttpContext ctx, ApiServices api)
    {
        var nodes = await api.Registry.AskAsync<NodeList>(new ListNodes(), ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, nodes.Nodes);
    }

    static Task RestartAsync(HttpContext ctx, ApiServices api)
    {
        var timeout = Query.Int(ctx, "t") ?? Query.Int(ctx, "timeout");

        // The stop half may take the whole timeout before its SIGKILL.
        var askTimeout = api.Options.AskTimeout + TimeSpan.FromSeconds(Math.Max(timeout ?? 10, 0));
        return RunAsync(ctx, api, new RestartContainer(Id(ctx), timeout), askTimeout);
    }

    static async Task RunAsync(HttpContext ctx, ApiServices api, IContainerCommand command, TimeSpan? askTimeout = null)
    {
        await api.Registry.AskAsync<CommandSucceeded>(command, askTimeout ?? api.Options.AskTimeout,
            ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    static async Task MountAsync(HttpContext ctx, ApiServices api)
    {
        var mounted = await api.Registry.AskAsync<ContainerMounted>(new MountContainer(Id(ctx)), ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, new { Id = mounted.ContainerId, mounted.Path });
    }

    static async Task HistoryAsync(HttpContext ctx, ApiServices api)
    {
        var history = await api.Registry.AskAsync<ContainerHistory>(new GetContainerHistory(Id(ctx)),
            ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, history.Entries);
    }
}
