using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Akka.Actor;

namespace ActorPod.Api.Tests;

/// <summary>The real Kestrel server on a temporary unix socket, backed by the fake registry and image store.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "apt-" + Guid.NewGuid().ToString("N")[..8]);
    ActorSystem? _system;
    DockerApiServer? _server;

    public HttpClient Client { get; private set; } = null!;

    public string SocketPath => Path.Combine(_dir, "api.sock");

    public string Dir => _dir;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _system = ActorSystem.Create("api-tests");
        var registry = _system.ActorOf(Props.Create(() => new FakeRegistry()), "registry");
        var options = new DockerApiOptions { SocketPath = SocketPath, Root = _dir, MaxJsonBodyBytes = 64 * 1024 };
        var log = new Serilog.LoggerConfiguration().CreateLogger();

        _server = await DockerApiServer.BuildAsync(options, registry, new FakeImageStore(), log);
        await _server.StartAsync();
        Client = CreateClient(SocketPath);
    }

    public static HttpClient CreateClient(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    public async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_system is not null)
        {
            await _system.Terminate();
        }

        Directory.Delete(_dir, recursive: true);
    }
}
