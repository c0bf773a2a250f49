using System.Formats.Tar;
using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary><c>GET /containers/{id}/export</c>: the merged root file system as a tar stream.</summary>
public static class ExportEndpoint
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api) =>
        app.MapGet("/containers/{id}/export", ctx => ExportAsync(ctx, api));

    static async Task ExportAsync(HttpContext ctx, ApiServices api)
    {
        var mounted = await api.Registry.AskAsync<ContainerMounted>(new MountContainer(Id(ctx)), ctx.RequestAborted);
        try
        {
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            ctx.Response.ContentType = "application/x-tar";
            await TarFile.CreateFromDirectoryAsync(mounted.Path, ctx.Response.Body, includeBaseDirectory: false,
                ctx.RequestAborted);
        }
        finally
        {
            await ReleaseAsync(api, mounted);
        }
    }

    // A running container's own mount holds the tree and unmount is refused while it runs: its extra count goes
    // with the container's next cleanup or removal, which unmount by force.
    static async Task ReleaseAsync(ApiServices api, ContainerMounted mounted)
    {
        if (mounted.Live)
        {
            return;
        }

        try
        {
            await api.Registry.AskAsync<CommandSucceeded>(new UnmountContainer(mounted.ContainerId),
                CancellationToken.None);
        }
        catch (ApiException e)
        {
            api.Log.Warning("Export of container {ContainerId}: unmount failed: {Reason}", mounted.ContainerId,
                e.Message);
        }
    }
}
