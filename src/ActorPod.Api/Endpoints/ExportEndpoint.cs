using System.Formats.Tar;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary><c>GET /containers/{id}/export</c>: the merged root file system as a tar stream.</summary>
public static class ExportEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api) =>
        app.MapGet("/containers/{id}/export", ctx => ExportAsync(ctx, api));

    static Task ExportAsync(HttpContext ctx, ApiServices api) =>
        MountedRoot.WithAsync(ctx, api, Id(ctx), async mounted =>
        {
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            ctx.Response.ContentType = "application/x-tar";
            await TarFile.CreateFromDirectoryAsync(mounted.Path, ctx.Response.Body, includeBaseDirectory: false,
                ctx.RequestAborted);
        });
}
