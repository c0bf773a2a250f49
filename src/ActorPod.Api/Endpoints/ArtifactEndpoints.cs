using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary>A container's named artifacts: <c>PUT|GET|DELETE /actorpod/containers/{id}/artifacts/{name}</c>.</summary>
public static class ArtifactEndpoints
{
    /// <summary>Artifacts travel in one actor message, so they stay small.</summary>
    public const long MaxArtifactBytes = 16 * 1024 * 1024;

    const string Route = "/actorpod/containers/{id}/artifacts/{name}";

    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPut(Route, ctx => PutAsync(ctx, api));
        app.MapGet(Route, ctx => GetAsync(ctx, api));
        app.MapDelete(Route, ctx => DeleteAsync(ctx, api));
    }

    static string Name(HttpContext ctx) => (string)ctx.Request.RouteValues["name"]!;

    static async Task PutAsync(HttpContext ctx, ApiServices api)
    {
        var data = await ReadBodyAsync(ctx);
        var stored = await api.Registry.AskAsync<ArtifactStored>(new AddArtifact(Id(ctx), Name(ctx), data),
            ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, new { Id = stored.ContainerId, stored.Name, stored.Size }, 201);
    }

    static async Task GetAsync(HttpContext ctx, ApiServices api)
    {
        var artifact = await api.Registry.AskAsync<ArtifactContent>(new GetArtifact(Id(ctx), Name(ctx)),
            ctx.RequestAborted);
        ctx.Response.ContentType = "application/octet-stream";
        await ctx.Response.Body.WriteAsync(artifact.Data, ctx.RequestAborted);
    }

    static async Task DeleteAsync(HttpContext ctx, ApiServices api)
    {
        await api.Registry.AskAsync<ArtifactRemoved>(new RemoveArtifact(Id(ctx), Name(ctx)), ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    static async Task<byte[]> ReadBodyAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxArtifactBytes)
            {
                throw new ApiException(StatusCodes.Status413PayloadTooLarge,
                    $"artifact too large: the limit is {MaxArtifactBytes} bytes");
            }
        }

        return buffer.ToArray();
    }
}
