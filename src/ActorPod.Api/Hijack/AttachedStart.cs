using System.IO.Pipelines;
using ActorPod.Actors.Attach;
using ActorPod.Api.Endpoints;
using ActorPod.Api.Http;
using ActorPod.Core.Errors;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Attach;

namespace ActorPod.Api.Hijack;

/// <summary>
/// Connects a hijacked client to a container or starts an exec session with it. Everything that can fail does so
/// here, before the 101 is written, so a failure still reaches the client as an ordinary HTTP error.
/// </summary>
public static class AttachedStart
{
    /// <summary>Attaches to a container, initializing a configured one first so the first output is caught.</summary>
    public static async Task<(HijackClient Client, bool Tty)> AttachContainerAsync(ApiServices api, string reference,
        Func<string, string?> query, PipeReader input, CancellationToken ct)
    {
        var keys = DetachKeysFrom(query("detachKeys"));
        var stdin = QueryBool(query("stdin"));
        var info = (await api.Registry.AskAsync<ContainerDetails>(new InspectContainer(reference), ct)).Info;
        if (info.Status == ContainerStatus.Configured)
        {
            await api.Registry.AskAsync<CommandSucceeded>(new InitContainer(info.Id), ct);
        }

        var client = new HijackClient(input, info.Spec.Tty);
        await api.Registry.AskAsync<AttachReady>(new AttachContainer(info.Id, client, keys, stdin), ct);
        return (client, info.Spec.Tty);
    }

    /// <summary>Starts an exec session with the client attached; the reply comes once its process runs.</summary>
    public static async Task<(HijackClient Client, bool Tty)> StartExecAsync(ApiServices api, string execId,
        Func<string, string?> query, PipeReader input, CancellationToken ct)
    {
        var keys = DetachKeysFrom(query("detachKeys"));
        var details = await api.Registry.AskAsync<ExecDetails>(new InspectExec(execId), ct);
        var client = new HijackClient(input, details.Tty);
        try
        {
            await api.Registry.AskAsync<AttachReady>(new StartExecAttached(details.ExecId, client, keys), ct);
        }
        catch (ApiException e) when (e.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            if (await EndedWithoutRunningAsync(api, execId, ct))
            {
                throw new ExecFailedToStart(e.Message, details.Tty);
            }

            throw;
        }

        return (client, details.Tty);
    }

    /// <summary>
    /// True when the failed start ended the session with an exit code (its process could not start); any other
    /// failure (a paused container, a runtime error) leaves the session to be started again and stays an HTTP error.
    /// </summary>
    static async Task<bool> EndedWithoutRunningAsync(ApiServices api, string execId, CancellationToken ct)
    {
        var after = await api.Registry.AskAsync<ExecDetails>(new InspectExec(execId), ct);
        return after is { Running: false, ExitCode: not null };
    }

    /// <summary>An attached exec start that reached Kestrel: output as the response body, no stdin.</summary>
    public static async Task ExecOverResponseAsync(HttpContext ctx, ApiServices api, string execId)
    {
        HijackClient client;
        bool tty;
        try
        {
            (client, tty) = await StartExecAsync(api, execId, name => Query.String(ctx, name),
                PipeReader.Create(Stream.Null), ctx.RequestAborted);
        }
        catch (ExecFailedToStart e)
        {
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            ctx.Response.ContentType = ContentType(e.Tty);
            await ctx.Response.Body.WriteAsync(e.StreamBytes(), ctx.RequestAborted);
            return;
        }

        ctx.Response.StatusCode = StatusCodes.Status200OK;
        ctx.Response.ContentType = ContentType(tty);
        await ctx.Response.StartAsync(ctx.RequestAborted);
        await client.DrainAsync(ctx.Response.BodyWriter, ctx.RequestAborted);
    }

    public static string ContentType(bool tty) => tty
        ? "application/vnd.docker.raw-stream"
        : "application/vnd.docker.multiplexed-stream";

    static byte[] DetachKeysFrom(string? spec)
    {
        try
        {
            return DetachKeys.Parse(string.IsNullOrEmpty(spec) ? DetachKeys.Default : spec);
        }
        catch (ActorPodException e)
        {
            throw ApiException.BadRequest(e.Message);
        }
    }

    static bool QueryBool(string? text) => text?.ToLowerInvariant() is "1" or "true" or "yes";
}
