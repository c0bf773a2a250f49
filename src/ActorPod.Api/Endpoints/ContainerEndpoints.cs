using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Api.Mapping;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Api.Endpoints;

/// <summary>Create, list, inspect and remove containers.</summary>
public static class ContainerEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapPost("/containers/create", ctx => CreateAsync(ctx, api));
        app.MapGet("/containers/json", ctx => ListAsync(ctx, api));
        app.MapGet("/containers/{id}/json", ctx => InspectAsync(ctx, api));
        app.MapDelete("/containers/{id}", ctx => RemoveAsync(ctx, api));
    }

    static async Task CreateAsync(HttpContext ctx, ApiServices api)
    {
        var body = await JsonBody.ReadAsync<CreateContainerRequest>(ctx, api.Options.MaxJsonBodyBytes);
        var config = CreateRequestMapper.ToConfig(body, Query.String(ctx, "name"));

        // ActorPod's extension: placement on a cluster node, by name or "any"; the image is checked where it runs.
        var node = Query.String(ctx, "node") ?? ctx.Request.Headers["X-ActorPod-Node"].FirstOrDefault();
        var here = string.IsNullOrEmpty(node) || node == api.Options.Name;
        if (here && api.Images.Find(config.Image) is null)
        {
            throw ApiException.NotFound($"No such image: {config.Image}");
        }

        var created = await api.Registry.AskAsync<CreateSucceeded>(
            new CreateContainer(config, here ? null : node), ctx.RequestAborted);
        api.Log.Information("Created container {ContainerId} ({Name}) from {Image}", created.ContainerId,
            created.Name, config.Image);

        await ApiJson.WriteAsync(ctx, new CreateContainerResponse(created.ContainerId, created.Warnings), 201);
    }

    static async Task ListAsync(HttpContext ctx, ApiServices api)
    {
        var limit = Query.Int(ctx, "limit") ?? -1;
        var all = Query.Bool(ctx, "all") || limit > 0;
        var filter = ContainerFilter.Parse(Query.String(ctx, "filters"));

        // All containers, so that "before" and "since" can name an exited one even in a listing of live ones.
        var list = await api.Registry.AskAsync<ContainerList>(new ListContainers(All: true), ctx.RequestAborted);
        filter.Bind(list.Containers);
        var now = DateTimeOffset.UtcNow;
        var rows = list.Containers
            .Where(c => all || c.Status is ContainerStatus.Running or ContainerStatus.Paused)
            .Where(filter.Matches)
            .OrderByDescending(c => c.CreatedAt)
            .Take(limit > 0 ? limit : int.MaxValue)
            .ToList();

        api.Summaries.Prune(list.Containers);
        await ApiJson.WriteAsync(ctx, buffer => api.Summaries.WriteArray(rows, now, buffer));
    }

    static async Task InspectAsync(HttpContext ctx, ApiServices api)
    {
        var details = await api.Registry.AskAsync<ContainerDetails>(new InspectContainer(Id(ctx)), ctx.RequestAborted);
        await ApiJson.WriteAsync(ctx, ContainerMapper.ToInspect(details.Info));
    }

    static async Task RemoveAsync(HttpContext ctx, ApiServices api)
    {
        var command = new RemoveContainer(Id(ctx), Query.Bool(ctx, "force"), Query.Bool(ctx, "v"));
        await api.Registry.AskAsync<CommandSucceeded>(command, ctx.RequestAborted);
        ctx.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The container reference of the route: name, full id or unique id prefix.</summary>
    public static string Id(HttpContext ctx) => (string)ctx.Request.RouteValues["id"]!;
}
