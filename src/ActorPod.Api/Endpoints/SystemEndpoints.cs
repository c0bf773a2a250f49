using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Api.Endpoints;

/// <summary><c>/_ping</c>, <c>/version</c> and <c>/info</c>.</summary>
public static class SystemEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ApiServices api)
    {
        app.MapMethods("/_ping", ["GET", "HEAD"], ctx => PingAsync(ctx, api.Options));
        app.MapGet("/version", ctx => ApiJson.WriteAsync(ctx, Version(api.Options)));
        app.MapGet("/info", ctx => InfoAsync(ctx, api));
    }

    static Task PingAsync(HttpContext ctx, DockerApiOptions options)
    {
        var headers = ctx.Response.Headers;
        headers["API-Version"] = options.ApiVersion;
        headers["Docker-Experimental"] = "false";
        headers["Ostype"] = "linux";
        headers["Server"] = $"ActorPod/{options.ServerVersion} (linux)";
        headers.CacheControl = "no-cache, no-store, must-revalidate";
        ctx.Response.ContentType = "text/plain; charset=utf-8";

        return HttpMethods.IsHead(ctx.Request.Method) ? Task.CompletedTask : ctx.Response.WriteAsync("OK");
    }

    static VersionResponse Version(DockerApiOptions options)
    {
        var version = new VersionResponse
        {
            Version = options.ServerVersion,
            ApiVersion = options.ApiVersion,
            MinAPIVersion = options.MinApiVersion,
            GitCommit = options.GitCommit,
            KernelVersion = Environment.OSVersion.Version.ToString(),
        };
        var details = new Dictionary<string, string>
        {
            ["ApiVersion"] = version.ApiVersion,
            ["MinAPIVersion"] = version.MinAPIVersion,
            ["GitCommit"] = version.GitCommit,
            ["GoVersion"] = version.GoVersion,
            ["Os"] = version.Os,
            ["Arch"] = version.Arch,
            ["KernelVersion"] = version.KernelVersion,
            ["Experimental"] = "false",
            ["BuildTime"] = version.BuildTime,
        };
        return version with { Components = [new VersionComponent("Engine", options.ServerVersion, details)] };
    }

    static async Task InfoAsync(HttpContext ctx, ApiServices api)
    {
        var list = await api.Registry.AskAsync<ContainerList>(new ListContainers(All: true), ctx.RequestAborted);
        var statuses = list.Containers.Select(c => c.Status).ToList();

        await ApiJson.WriteAsync(ctx, new InfoResponse
        {
            ID = api.Options.Name,
            Containers = statuses.Count,
            ContainersRunning = statuses.Count(s => s == ContainerStatus.Running),
            ContainersPaused = statuses.Count(s => s == ContainerStatus.Paused),
            ContainersStopped = statuses.Count(s => s is not (ContainerStatus.Running or ContainerStatus.Paused)),
            Images = api.Images.List().Count,
            MemTotal = MemTotal(),
            Name = api.Options.Name,
            ServerVersion = api.Options.ServerVersion,
            KernelVersion = Environment.OSVersion.Version.ToString(),
            DockerRootDir = api.Options.Root,
        });
    }

    static long MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:"));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? 0 : long.Parse(kb) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
