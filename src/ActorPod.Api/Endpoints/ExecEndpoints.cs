using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary>
/// Exec create, inspect, resize and detached start. An attached start is hijacked before Kestrel sees it
/// (<see cref="Hijack.HijackMiddleware"/>); one that reaches this endpoint all the same (a second request on a
/// kept-alive connection) gets the output as the response body, without stdin.
/// </summary>
public static class ExecEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPost("/containers/{id}/exec", ctx => CreateAsync(ctx, api));
        app.MapGet("/exec/{id}/json", ctx => InspectAsync(ctx, api));
        app.MapPost("/exec/{id}/resize", ctx => ResizeAsync(ctx, api));
        app.MapPost("/exec/{id}/start", ctx => StartAsync(ctx, api));
        app.MapPost("/containers/{id}/resize", ctx => ResizeContainerAsync(ctx, api));
    }

    static async Task CreateAsync(HttpContext ctx, ApiServices api)
    {
        var body = await JsonBody.ReadAsync<ExecCreateRequest>(ctx, api.Options.MaxJsonBodyBytes)
            ?? throw ApiException.BadRequest("exec create needs a JSON body with Cmd");
        if (body.Cmd is not { Count: > 0 })
        {
            throw ApiException.BadRequest("exec create needs a command: Cmd is empty");
        }

        var command = new CreateExec(Id(ctx), body.Cmd, body.Env, body.User, body.WorkingDir, body.Tty,
            body.AttachStdin, body.AttachStdout, body.AttachStderr, body.Privileged);
        var created = await api.Registry.AskAsync<ExecCreated>(command, ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, new ExecCreateResponse(created.ExecId), StatusCodes.Status201Created);
    }

    static async Task InspectAsync(HttpContext ctx, ApiServices api)
    {
        var details = await api.Registry.AskAsync<ExecDetails>(new InspectExec(Id(ctx)), ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, ExecInspectResponse.From(details));
    }

    static async Task ResizeAsync(HttpContext ctx, ApiServices api)
    {
        var height = Query.Int(ctx, "h") ?? throw ApiException.BadRequest("resize needs h");
        var width = Query.Int(ctx, "w") ?? throw ApiException.BadRequest("resize needs w");
        await api.Registry.AskAsync<CommandSucceeded>(new ResizeExec(Id(ctx), height, width), ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status200OK;
    }

    static async Task ResizeContainerAsync(HttpContext ctx, ApiServices api)
    {
        var height = Query.Int(ctx, "h") ?? throw ApiException.BadRequest("resize needs h");
        var width = Query.Int(ctx, "w") ?? throw ApiException.BadRequest("resize needs w");
        var command = new Actors.Attach.ResizeContainer(Id(ctx), height, width);
        await api.Registry.AskAsync<CommandSucceeded>(command, ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status200OK;
    }

    static async Task StartAsync(HttpContext ctx, ApiServices api)
    {
        var body = await JsonBody.ReadAsync<ExecStartRequest>(ctx, api.Options.MaxJsonBodyBytes)
            ?? new ExecStartRequest();
        if (body.Detach)
        {
            await api.Registry.AskAsync<ExecDetails>(new StartExec(Id(ctx)), ctx.RequestAborted);
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        await Hijack.AttachedStart.ExecOverResponseAsync(ctx, api, Id(ctx));
    }
}
