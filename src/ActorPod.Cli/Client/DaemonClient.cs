using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorPod.Cli.Client;

/// <summary>
/// The Docker Engine API of actorpodd over its unix socket; error replies become <see cref="CliException"/>.
/// <para>
/// A request whose body is already in memory (or that has none) is sent synchronously on the calling thread: a
/// client waiting on one socket gains nothing from the thread pool, and its hand-offs (socket events to workers,
/// workers started and spinning) were about a third of the CPU a short command costs. Streamed uploads stay
/// asynchronous; so do the bodies of streamed replies, read by the commands that follow them.
/// </para>
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
            // The daemon neither redirects nor sets cookies, and a unix socket has no proxy: fewer handler stages.
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            // A unix socket connects at once or not at all: nothing to wait for asynchronously.
            ConnectCallback = (_, _) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    socket.Connect(new UnixDomainSocketEndPoint(path));
                    return ValueTask.FromResult<Stream>(new NetworkStream(socket, ownsSocket: true));
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
            response = content is null or ByteArrayContent
                ? _http.Send(request, HttpCompletionOption.ResponseHeadersRead, ct)
                : await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
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
        return ReadJson(response, ct);
    }

    public async Task<JsonElement> PostJsonAsync(string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, path, content, ct);
        return content is null or ByteArrayContent ? ReadJson(response, ct) : await ReadJsonAsync(response, ct);
    }

    /// <summary>A request whose reply carries no body worth reading (204/304).</summary>
    public async Task SendEmptyAsync(HttpMethod method, string path, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, null, ct);
    }

    /// <summary>A JSON reply that may take long (a wait): read asynchronously, so that it can be cancelled.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return doc.RootElement.Clone();
    }

    /// <summary>The JSON reply of a plain request, there in full right after its headers.</summary>
    static JsonElement ReadJson(HttpResponseMessage response, CancellationToken ct)
    {
        using var stream = response.Content.ReadAsStream(ct);
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.Clone();
    }

    /// <summary>A JSON request body, serialized up front so that it has a length and goes out synchronously.</summary>
    public static ByteArrayContent Json(byte[] utf8)
    {
        var content = new ByteArrayContent(utf8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
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
