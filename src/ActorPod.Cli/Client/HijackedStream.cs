using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ActorPod.Cli.Client;

/// <summary>
/// A hijacked Docker API request on its own connection: the request is sent with <c>Upgrade: tcp</c>, and after
/// the 101 (or a plain 200 from old servers) the socket carries the raw duplex stream.
/// </summary>
public static class HijackedStream
{
    /// <summary>The socket, positioned after the response head, and whether the stream is raw (a tty).</summary>
    public static async Task<(Socket Socket, bool Raw)> OpenAsync(string host, string path, string? json,
        CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(DaemonAddress.SocketPath(host)), ct);
        }
        catch (SocketException)
        {
            socket.Dispose();
            throw new CliException($"cannot connect to actorpodd at {host}: is it running?");
        }

        var body = Encoding.UTF8.GetBytes(json ?? "");
        var head = $"POST {DaemonClient.ApiPrefix}{path} HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\n"
            + $"Upgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray(), ct);

        var (status, headers) = await ReadHeadAsync(socket, ct);
        if (status is 101 or 200)
        {
            var raw = headers.Contains("application/vnd.docker.raw-stream", StringComparison.OrdinalIgnoreCase);
            return (socket, raw);
        }

        using (socket)
        {
            throw new CliException(await ErrorAsync(socket, status, ct));
        }
    }

    // Byte by byte: nothing of the stream after the head may be read into a buffer here.
    static async Task<(int Status, string Headers)> ReadHeadAsync(Socket socket, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await socket.ReceiveAsync(one, ct) == 0)
            {
                throw new CliException("actorpodd closed the connection before answering");
            }

            head.Add(one[0]);
        }

        var text = Encoding.ASCII.GetString([.. head]);
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, text);
    }

    static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    static async Task<string> ErrorAsync(Socket socket, int status, CancellationToken ct)
    {
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.GetProperty("message").GetString() ?? text;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            return $"{status}: {text}";
        }
    }
}
