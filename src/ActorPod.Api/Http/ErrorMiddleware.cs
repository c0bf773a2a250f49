using ActorPod.Core.Errors;

namespace ActorPod.Api.Http;

/// <summary>
/// Turns every exception of a handler into Docker's JSON error, so no request can take the server down.
/// Expected failures keep their status; anything else is a logged 500.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, Serilog.ILogger log)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        try
        {
            await next(ctx);
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cancelled wait or follow); there is nobody left to answer.
        }
        catch (Exception e)
        {
            var (status, message) = Describe(e);
            if (status >= 500)
            {
                log.Error(e, "Request {Method} {Path} failed", ctx.Request.Method, ctx.Request.Path.Value);
            }

            if (ctx.Response.HasStarted)
            {
                ctx.Abort();
                return;
            }

            ctx.Response.Clear();
            await ApiJson.WriteErrorAsync(ctx, status, message);
        }
    }

    static (int Status, string Message) Describe(Exception e) => e switch
    {
        ApiException api => (api.StatusCode, api.Message),
        ActorPodException pod => (ErrorStatus.Of(pod.Error.Kind), pod.Message),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message),
        _ => (StatusCodes.Status500InternalServerError, e.Message),
    };
}
