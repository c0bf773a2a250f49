using ActorPod.Api.Http;
using ActorPod.Storage.Tar;
using static ActorPod.Api.Endpoints.ContainerEndpoints;

namespace ActorPod.Api.Endpoints;

/// <summary>
/// <c>GET|HEAD|PUT /containers/{id}/archive?path=</c>: tar out of and into a container's file system, what
/// <c>docker cp</c>, Docker.DotNet and Testcontainers use to copy files. The container's root is mounted through
/// its actor for the copy, so storage never goes away under it.
/// </summary>
public static class ArchiveEndpoints
{
    const string StatHeader = "X-Docker-Container-Path-Stat";

    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapMethods("/containers/{id}/archive", ["HEAD"], ctx => WithRootAsync(ctx, api, (rootfs, id, path) =>
        {
            ctx.Response.Headers[StatHeader] = ContainerArchive.Stat(rootfs, id, path).ToHeader();
            return Task.CompletedTask;
        }));
        app.MapGet("/containers/{id}/archive", ctx => WithRootAsync(ctx, api, async (rootfs, id, path) =>
        {
            var stat = ContainerArchive.Stat(rootfs, id, path);
            await SendSpooledTarAsync(ctx, api, stat, spool => ContainerArchive.WriteTarAsync(rootfs, id, path, spool,
                ctx.RequestAborted));
        }));
        app.MapPut("/containers/{id}/archive", ctx => WithRootAsync(ctx, api, async (rootfs, id, path) =>
        {
            await ContainerArchive.ExtractAsync(rootfs, id, path, ctx.Request.Body, ctx.RequestAborted);

            // A tar reader stops at the end-of-archive blocks; the padding after them must still be read, or the
            // client's next request on this keep-alive connection finds it closed.
            await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
            ctx.Response.StatusCode = StatusCodes.Status200OK;
        }));
    }

    /// <summary>
    /// Writes the tar to a temporary file first and sends it with a Content-Length: a failure while reading the
    /// container's files becomes a proper error response, not a stream cut short, and clients that read the body
    /// lazily (Docker.DotNet) get a plain, fully framed one.
    /// </summary>
    static async Task SendSpooledTarAsync(HttpContext ctx, ApiServices api, PathStat stat, Func<Stream, Task> write)
    {
        var spoolDir = Path.Combine(api.Options.Root, "tmp");
        Directory.CreateDirectory(spoolDir);
        var spoolPath = Path.Combine(spoolDir, "archive-" + Guid.NewGuid().ToString("N"));
        await using var spool = new FileStream(spoolPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(spool);
        spool.Position = 0;

        ctx.Response.Headers[StatHeader] = stat.ToHeader();
        ctx.Response.ContentType = "application/x-tar";
        ctx.Response.ContentLength = spool.Length;
        await spool.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
    }

    static async Task WithRootAsync(HttpContext ctx, ApiServices api, Func<string, string, string, Task> work)
    {
        var path = Query.String(ctx, "path");
        if (string.IsNullOrEmpty(path))
        {
            throw ApiException.BadRequest("path is required");
        }

        await MountedRoot.WithAsync(ctx, api, Id(ctx), mounted => work(mounted.Path, mounted.ContainerId, path));
    }
}
