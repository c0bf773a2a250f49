using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Storage;

namespace ActorPod.Api.Endpoints;

/// <summary>List, inspect and remove images.</summary>
public static class ImageEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapGet("/images/json", ctx => ApiJson.WriteAsync(ctx, api.Images.List().Select(ToSummary).ToList()));

        // Image names hold slashes and tags (registry.example/team/app:1.0), so these routes catch everything.
        app.MapGet("/images/{**name}", ctx => InspectAsync(ctx, api));
        app.MapDelete("/images/{**name}", ctx => RemoveAsync(ctx, api));
    }

    static Task InspectAsync(HttpContext ctx, ApiServices api)
    {
        var path = Name(ctx);
        if (!path.EndsWith("/json", StringComparison.Ordinal))
        {
            throw ApiException.NotFound($"page not found: /images/{path}");
        }

        var name = path[..^"/json".Length];
        var image = api.Images.Find(name) ?? throw ApiException.NotFound($"No such image: {name}");
        return ApiJson.WriteAsync(ctx, ToInspect(image));
    }

    static async Task RemoveAsync(HttpContext ctx, ApiServices api)
    {
        var name = Name(ctx);
        if (api.Images.Find(name) is null)
        {
            throw ApiException.NotFound($"No such image: {name}");
        }

        var lines = await api.Images.RemoveAsync(name, ctx.RequestAborted);
        var items = lines.Select(ToDeleteItem).ToList();
        api.Log.Information("Removed image {Image}", name);
        await ApiJson.WriteAsync(ctx, items);
    }

    // The store answers "Untagged: x" / "Deleted: sha256:..." lines; Docker's body is a list of one-key objects.
    static Dictionary<string, string> ToDeleteItem(string line)
    {
        var colon = line.IndexOf(':');
        return colon < 0
            ? new Dictionary<string, string> { ["Deleted"] = line }
            : new Dictionary<string, string> { [line[..colon].Trim()] = line[(colon + 1)..].Trim() };
    }

    static string Name(HttpContext ctx) => (string)ctx.Request.RouteValues["name"]!;

    static ImageSummary ToSummary(ImageRecord image) => new()
    {
        Id = "sha256:" + image.Id,
        RepoTags = image.RepoTags,
        Created = image.Created.ToUnixTimeSeconds(),
        Size = image.Size,
        VirtualSize = image.Size,
        Labels = image.Config.Labels,
    };

    static ImageInspect ToInspect(ImageRecord image) => new()
    {
        Id = "sha256:" + image.Id,
        RepoTags = image.RepoTags,
        Created = Mapping.Rfc3339.Format(image.Created),
        Architecture = image.Architecture,
        Os = image.Os,
        Size = image.Size,
        Config = new ImageConfigDto(image.Config.Env, image.Config.Cmd, image.Config.Entrypoint,
            image.Config.WorkingDir, image.Config.User, image.Config.Labels, image.Config.StopSignal),
        RootFS = new RootFsDto("layers", image.Layers),
    };
}
