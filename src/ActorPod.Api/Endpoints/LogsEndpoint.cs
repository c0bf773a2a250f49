using System.Text;
using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Logs;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary><c>GET /containers/{id}/logs</c>: conmon's k8s-file log, framed unless the container has a tty.</summary>
public static class LogsEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api) =>
        app.MapGet("/containers/{id}/logs", ctx => LogsAsync(ctx, api));

    static async Task LogsAsync(HttpContext ctx, ApiServices api)
    {
        var stdout = Query.Bool(ctx, "stdout");
        var stderr = Query.Bool(ctx, "stderr");
        if (!stdout && !stderr)
        {
            throw ApiException.BadRequest("you must choose at least one stream: stdout or stderr");
        }

        var options = ReadOptions(ctx);
        var timestamps = Query.Bool(ctx, "timestamps");
        var info = (await api.Registry.AskAsync<ContainerDetails>(new InspectContainer(Id(ctx)), ctx.RequestAborted))
            .Info;

        var stopped = options.Follow ? WaitStopped(ctx, api, info.Id) : null;
        var tty = info.Spec.Tty;
        ctx.Response.ContentType = tty
            ? "application/vnd.docker.raw-stream"
            : "application/vnd.docker.multiplexed-stream";
        await ctx.Response.StartAsync(ctx.RequestAborted);

        if (info.LogPath is null)
        {
            return;
        }

        await foreach (var entry in K8sFileLogReader.ReadAsync(info.LogPath, options, stopped, ctx.RequestAborted))
        {
            if (entry.Stream == LogStream.Stdout ? !stdout : !stderr)
            {
                continue;
            }

            var text = timestamps ? entry.TimestampText + " " + entry.Content : entry.Content;
            var payload = Encoding.UTF8.GetBytes(text);
            var bytes = tty ? payload : StreamFrames.Frame((byte)entry.Stream, payload);
            await ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
        }
    }

    static LogReadOptions ReadOptions(HttpContext ctx)
    {
        var tail = Query.String(ctx, "tail");
        int? lines = null;
        if (!string.IsNullOrEmpty(tail) && tail != "all")
        {
            lines = int.TryParse(tail, out var n) && n >= 0
                ? n
                : throw ApiException.BadRequest($"invalid value for tail: {tail} is neither a number nor all");
        }

        return new LogReadOptions(lines, Query.Time(ctx, "since"), Query.Time(ctx, "until"), Query.Bool(ctx, "follow"));
    }

    // The follow ends when the container is not running; a wait that fails (the container was removed) ends it too.
    static Task WaitStopped(HttpContext ctx, ApiServices api, string id) =>
        api.Registry.AskAsync<WaitSucceeded>(new WaitContainer(id, WaitCondition.Stopped), Timeout.InfiniteTimeSpan,
            ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
}
