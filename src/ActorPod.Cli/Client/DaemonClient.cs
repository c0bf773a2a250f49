using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorPod.Cli.Client;

/// <summary>
/// The Docker Engine API of actorpodd over its unix socket; error replies become <see cref="CliException"/>.
/// </summary>
public sealed class DaemonClient : IDisposable
{
    /// <summary>The API version the client speaks; every path is sent under it.</summary>
    public const string ApiPrefix = "/v1.47";

    readonly HttpClient _http;
    readonly string _host;

    public DaemonClient(string host)
    {
        _host = host;
        var path = DaemonAddress.SocketPath(host);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (SocketException)
                {
                    socket.Dispose();
                    throw new CliException($"cannot connect to actorpodd at {_host}: is it running?");
                }
            },
        };

        // Waits and followed logs last as long as the container runs.
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri("http://localhost"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Sends a request and returns the response once its headers arrived; throws on an error status.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content,
        CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, ApiPrefix + path) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (e.InnerException is CliException cli)
        {
            throw cli;
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"talking to actorpodd at {_host}: {e.Message}");
        }

        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotModified)
        {
            using (response)
            {
                throw new CliException(await ErrorMessageAsync(response, ct));
            }
        }

        return response;
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, ct);
        return await ReadJsonAsync(response, ct);
    }

    public async Task<JsonElement> PostJsonAsync(string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, path, content, ct);
        return await ReadJsonAsync(response, ct);
    }

    /// <summary>A request whose reply carries no body worth reading (204/304).</summary>
    public async Task SendEmptyAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, null, ct);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return doc.RootElement.Clone();
    }

    static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? text;
            }
        }
        catch (JsonException)
        {
            // Not Docker's error body: show what came.
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}: {text}".TrimEnd(' ', ':');
    }

    public void Dispose() => _http.Dispose();
}
