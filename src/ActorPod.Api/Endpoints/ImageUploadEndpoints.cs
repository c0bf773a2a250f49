using System.Text.Json;
using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace ActorPod.Api.Endpoints;

/// <summary>
/// <c>POST /images/load</c> (docker-archive) and <c>POST /images/create?fromSrc=-</c> (rootfs import).
/// </summary>
public static class ImageUploadEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPost("/images/load", ctx => LoadAsync(ctx, api));
        app.MapPost("/images/create", ctx => CreateAsync(ctx, api));
    }

    static async Task LoadAsync(HttpContext ctx, ApiServices api)
    {
        await using var archive = await SpoolAsync(ctx, api.Options);
        var images = await api.Images.LoadAsync(archive, ctx.RequestAborted);

        ctx.Response.ContentType = "application/json";
        foreach (var image in images)
        {
            api.Log.Information("Loaded image {ImageId} {RepoTags}", image.Id, image.RepoTags);
            var lines = image.RepoTags.Count > 0
                ? image.RepoTags.Select(t => $"Loaded image: {t}\n")
                : [$"Loaded image ID: sha256:{image.Id}\n"];
            foreach (var line in lines)
            {
                await WriteLineAsync(ctx, new StreamLine(line));
            }
        }
    }

    static async Task CreateAsync(HttpContext ctx, ApiServices api)
    {
        if (!string.IsNullOrEmpty(Query.String(ctx, "fromImage")))
        {
            throw ApiException.BadRequest("pulling is not supported: load or import images");
        }

        if (Query.String(ctx, "fromSrc") != "-")
        {
            throw ApiException.BadRequest("only fromSrc=- (the request body) is supported for import");
        }

        var reference = Reference(Query.String(ctx, "repo"), Query.String(ctx, "tag"));
        await using var rootfs = await SpoolAsync(ctx, api.Options);
        var image = await api.Images.ImportAsync(rootfs, reference, null, ctx.RequestAborted);
        api.Log.Information("Imported image {ImageId} as {Reference}", image.Id, reference);

        ctx.Response.ContentType = "application/json";
        await WriteLineAsync(ctx, new StatusLine("sha256:" + image.Id));
    }

    static string? Reference(string? repo, string? tag) => (repo, tag) switch
    {
        (null or "", _) => null,
        (_, null or "") => repo,
        _ => $"{repo}:{tag}",
    };

    // Archives are read with random access (manifest.json may come last), and the store may read synchronously:
    // a temporary file serves both, and lets a cap on the size apply while copying.
    static async Task<FileStream> SpoolAsync(HttpContext ctx, DockerApiOptions options)
    {
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxImageBodyBytes;
        }

        var dir = Path.Combine(options.Root, "tmp");
        Directory.CreateDirectory(dir);
        var file = new FileStream(Path.Combine(dir, $"upload-{Guid.NewGuid():N}.tar"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await ctx.Request.Body.CopyToAsync(file, ctx.RequestAborted);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    static async Task WriteLineAsync<T>(HttpContext ctx, T line)
    {
        await JsonSerializer.SerializeAsync(ctx.Response.Body, line, ApiJson.Options, ctx.RequestAborted);
        await ctx.Response.WriteAsync("\n", ctx.RequestAborted);
    }
}
