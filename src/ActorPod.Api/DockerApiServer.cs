using System.Net.Sockets;
using Akka.Actor;
using ActorPod.Actors.Events;
using ActorPod.Api.Endpoints;
using ActorPod.Api.Http;
using ActorPod.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;

namespace ActorPod.Api;

/// <summary>
/// The daemon's Docker Engine API on a unix socket. Build it with <see cref="BuildAsync"/>, then
/// <see cref="StartAsync"/>; <see cref="DisposeAsync"/> stops it and removes the socket.
/// </summary>
public sealed class DockerApiServer : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly DockerApiOptions _options;
    readonly Serilog.ILogger _log;

    DockerApiServer(WebApplication app, DockerApiOptions options, Serilog.ILogger log)
    {
        _app = app;
        _options = options;
        _log = log;
    }

    /// <summary>
    /// Builds the server. <paramref name="registry"/> is the supervisor's registry actor, answering the commands of
    /// ActorPod.Messages; <paramref name="images"/> is the image store.
    /// </summary>
    public static Task<DockerApiServer> BuildAsync(DockerApiOptions options, IActorRef registry, IImageStore images,
        Serilog.ILogger log, ContainerEventFeed? events = null)
    {
        ApiServices? services = null;
        var hijack = new Hijack.HijackMiddleware(() => services!, log);
        var builder = WebApplication.CreateSlimBuilder(HostOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log, dispose: false);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenUnixSocket(options.SocketPath, listen => listen.Use(next => connection =>
                hijack.OnConnectionAsync(connection, next)));

            // JSON bodies are bounded where they are read; image uploads get their own cap.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        var api = new ApiServices(new Registry(registry, options.AskTimeout), images, options, log);
        services = api;
        app.UseMiddleware<ErrorMiddleware>(log);
        app.UseStatusCodePages(ctx => ApiJson.WriteErrorAsync(ctx.HttpContext, ctx.HttpContext.Response.StatusCode,
            NotFoundText(ctx.HttpContext)));
        app.UseMiddleware<ApiVersionMiddleware>(options);
        app.UseRouting();

        SystemEndpoints.Map(app, api);
        ContainerEndpoints.Map(app, api);
        LifecycleEndpoints.Map(app, api);
        LogsEndpoint.Map(app, api);
        ExecEndpoints.Map(app, api);
        ImageEndpoints.Map(app, api);
        ImageUploadEndpoints.Map(app, api);
        EventsEndpoint.Map(app, api, events);
        ControlEndpoints.Map(app, api);
        ExportEndpoint.Map(app, api);
        ArtifactEndpoints.Map(app, api);
        ArchiveEndpoints.Map(app, api);
        return Task.FromResult(new DockerApiServer(app, options, log));
    }

    /// <summary>
    /// The host reads no appsettings and watches no files. By default it would watch its content root (the
    /// working directory, "/" under systemd) recursively for appsettings changes: inotify work on every file a
    /// container start writes under the daemon's root, for a configuration the daemon takes from HOCON anyway.
    /// </summary>
    static WebApplicationOptions HostOptions() => new()
    {
        ContentRootPath = AppContext.BaseDirectory,
        Args = ["--hostBuilder:reloadConfigOnChange=false"],
    };

    /// <summary>Removes a stale socket file, listens, and makes the socket mode 0660.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await RemoveStaleSocketAsync(_options.SocketPath, ct);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_options.SocketPath))!);

        await _app.StartAsync(ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_options.SocketPath,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        }

        _log.Information("Docker API listening on {SocketPath}", _options.SocketPath);
    }

    public Task StopAsync(CancellationToken ct = default) => _app.StopAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_options.SocketPath);
    }

    static string NotFoundText(HttpContext ctx) => ctx.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"page not found: {ctx.Request.Method} {ctx.Request.Path}",
        StatusCodes.Status405MethodNotAllowed => $"method {ctx.Request.Method} not allowed on {ctx.Request.Path}",
        _ => $"request failed with status {ctx.Response.StatusCode}",
    };

    // A socket file left by a crashed daemon blocks the bind; one that still answers belongs to a live daemon.
    static async Task RemoveStaleSocketAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await probe.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
        }
        catch (SocketException)
        {
            File.Delete(path);
            return;
        }

        throw new InvalidOperationException($"another daemon is listening on {path}");
    }
}
