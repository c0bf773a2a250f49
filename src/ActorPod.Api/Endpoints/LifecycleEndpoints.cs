using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary>Start, stop, kill, wait and ActorPod's init.</summary>
public static class LifecycleEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPost("/containers/{id}/start", ctx => RunAsync(ctx, api, new StartContainer(Id(ctx))));
        app.MapPost("/containers/{id}/stop", ctx => StopAsync(ctx, api));
        app.MapPost("/containers/{id}/kill", ctx => KillAsync(ctx, api));
        app.MapPost("/containers/{id}/wait", ctx => WaitAsync(ctx, api));
        app.MapPost("/actorpod/containers/{id}/init", ctx => RunAsync(ctx, api, new InitContainer(Id(ctx))));
    }

    static Task StopAsync(HttpContext ctx, ApiServices api)
    {
        var timeout = Query.Int(ctx, "t") ?? Query.Int(ctx, "timeout");
        var command = new StopContainer(Id(ctx), timeout, NullIfEmpty(Query.String(ctx, "signal")));

        // Stop may legitimately take the container's whole stop timeout before SIGKILL.
        var askTimeout = api.Options.AskTimeout + TimeSpan.FromSeconds(Math.Max(timeout ?? 0, 0));
        return RunAsync(ctx, api, command, askTimeout);
    }

    static Task KillAsync(HttpContext ctx, ApiServices api)
    {
        var signal = NullIfEmpty(Query.String(ctx, "signal")) ?? "SIGKILL";
        return RunAsync(ctx, api, new KillContainer(Id(ctx), signal), alwaysChanged: true);
    }

    static async Task RunAsync(HttpContext ctx, ApiServices api, IContainerCommand command,
        TimeSpan? askTimeout = null, bool alwaysChanged = false)
    {
        var reply = await api.Registry.AskAsync<CommandSucceeded>(command, askTimeout ?? api.Options.AskTimeout,
            ctx.RequestAborted);

        ctx.Response.StatusCode = reply.Changed || alwaysChanged
            ? StatusCodes.Status204NoContent
            : StatusCodes.Status304NotModified;
    }

    static async Task WaitAsync(HttpContext ctx, ApiServices api)
    {
        var condition = Condition(Query.String(ctx, "condition"));

        // An unknown container must still get its 404, which is impossible once the 200 headers are out.
        var details = await api.Registry.AskAsync<ContainerDetails>(new InspectContainer(Id(ctx)), ctx.RequestAborted);

        // The ask is in the registry's mailbox before the headers leave: a client that sends start after seeing
        // them cannot overtake its own wait.
        var wait = api.Registry.AskAsync<WaitSucceeded>(new WaitContainer(details.Info.Id, condition),
            Timeout.InfiniteTimeSpan, ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.StartAsync(ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);

        WaitResponse body;
        try
        {
            var done = await wait;
            body = new WaitResponse(done.ExitCode, done.Error is null ? null : new WaitError(done.Error));
        }
        catch (ApiException e)
        {
            body = new WaitResponse(-1, new WaitError(e.Message));
        }

        await System.Text.Json.JsonSerializer.SerializeAsync(ctx.Response.Body, body, ApiJson.Options,
            ctx.RequestAborted);
    }

    // Docker's words (not-running, next-exit, removed) and podman's (created, initialized, running, paused,
    // stopped, exited) share one parameter; without one, podman's default: wait until it has exited.
    static WaitCondition Condition(string? text) => text switch
    {
        null or "" or "stopped" or "exited" => WaitCondition.Stopped,
        "not-running" => WaitCondition.NotRunning,
        "next-exit" => WaitCondition.NextExit,
        "removed" => WaitCondition.Removed,
        "running" => WaitCondition.Running,
        "paused" => WaitCondition.Paused,
        "created" or "configured" => WaitCondition.Configured,
        "initialized" => WaitCondition.Initialized,
        _ => throw ApiException.BadRequest($"invalid condition {text}: expected not-running, next-exit or removed " +
            "(or created, initialized, running, paused, stopped, exited)"),
    };

    static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
