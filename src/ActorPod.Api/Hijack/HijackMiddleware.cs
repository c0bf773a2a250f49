using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActorPod.Api.Dto;
using ActorPod.Api.Endpoints;
using ActorPod.Api.Http;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.WebUtilities;

namespace ActorPod.Api.Hijack;

/// <summary>
/// A connection middleware in front of Kestrel for Docker's hijacked streams. Kestrel upgrades only requests
/// without a body, and an exec start carries one; so the first request head of every connection is peeked (not
/// consumed), and attach or attached exec-start requests are taken over at the connection level: 101, then a raw
/// duplex stream. Every other connection goes on to Kestrel with its bytes untouched. Only a connection's first
/// request is seen: the docker CLI and ours dial a fresh connection for each hijack.
/// </summary>
public sealed partial class HijackMiddleware(Func<ApiServices> api, Serilog.ILogger log)
{
    [GeneratedRegex(@"^(?:/v[0-9]+(?:\.[0-9]+)?)?/(containers|exec)/([^/]+)/(attach|start)$")]
    private static partial Regex HijackPath();

    public async Task OnConnectionAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync(connection.ConnectionClosed);
            var buffer = result.Buffer;
            var decision = Decide(buffer, result.IsCompleted);
            if (decision is null)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            if (decision is not { } take || take.Request is null)
            {
                // Not ours: Kestrel reads the same bytes from the start.
                input.AdvanceTo(buffer.Start);
                await next(connection);
                return;
            }

            input.AdvanceTo(buffer.GetPosition(take.Request.Length + take.Request.ContentLength));
            await HijackAsync(connection, take.Request, take.Kind, take.Id);
            return;
        }
    }

    sealed record Take(RequestHead? Request, string Kind, string Id);

    static readonly Take PassOn = new(null, "", "");

    // Null while more bytes are needed to decide.
    static Take? Decide(in ReadOnlySequence<byte> buffer, bool completed)
    {
        if (RequestHead.SurelyNotPost(buffer) || RequestHead.TooLong(buffer))
        {
            return PassOn;
        }

        var head = RequestHead.TryParse(buffer);
        if (head is null)
        {
            return completed ? PassOn : null;
        }

        var match = HijackPath().Match(head.Path);
        if (head.Method != "POST" || !match.Success || head.Chunked
            || (match.Groups[1].Value == "containers") != (match.Groups[3].Value == "attach"))
        {
            return PassOn;
        }

        if (buffer.Length < head.Length + head.ContentLength)
        {
            return completed ? PassOn : null;
        }

        if (match.Groups[1].Value == "exec" && Detached(buffer.Slice(head.Length, head.ContentLength)))
        {
            return PassOn;
        }

        return new Take(head, match.Groups[1].Value, Uri.UnescapeDataString(match.Groups[2].Value));
    }

    static bool Detached(in ReadOnlySequence<byte> body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        try
        {
            return JsonSerializer.Deserialize<ExecStartRequest>(body.ToArray(), ApiJson.Options)?.Detach ?? false;
        }
        catch (JsonException)
        {
            // Kestrel's endpoint reports the malformed body with a 400.
            return true;
        }
    }

    async Task HijackAsync(ConnectionContext connection, RequestHead head, string kind, string id)
    {
        var services = api();
        var query = QueryHelpers.ParseQuery(head.QueryString);
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        HijackClient client;
        bool tty;
        try
        {
            if (kind == "exec")
            {
                (client, tty) = await AttachedStart.StartExecAsync(services, id, Get, input,
                    connection.ConnectionClosed);
            }
            else
            {
                (client, tty) = await AttachedStart.AttachContainerAsync(services, id, Get, input,
                    connection.ConnectionClosed);
            }
        }
        catch (ApiException e)
        {
            await WriteErrorAsync(output, e.StatusCode, e.Message);
            return;
        }
        catch (ExecFailedToStart e)
        {
            log.Debug("Exec {Id} failed to start; said so in its stream: {Reason}", id, e.Message);
            await WriteStatusAsync(output, head, e.Tty);
            await output.WriteAsync(e.StreamBytes());
            await output.CompleteAsync();
            return;
        }

        log.Debug("Hijacked {Kind} stream for {Id}", kind, id);
        await WriteStatusAsync(output, head, tty);
        await client.DrainAsync(output, CancellationToken.None);
        await output.CompleteAsync();
    }

    static async Task WriteStatusAsync(System.IO.Pipelines.PipeWriter output, RequestHead head, bool tty)
    {
        var contentType = AttachedStart.ContentType(tty);
        var status = head.WantsUpgrade
            ? $"HTTP/1.1 101 UPGRADED\r\nContent-Type: {contentType}\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n"
            : $"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n";
        await output.WriteAsync(Encoding.ASCII.GetBytes(status));
    }

    static async Task WriteErrorAsync(System.IO.Pipelines.PipeWriter output, int status, string message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ErrorResponse(message), ApiJson.Options);
        var reason = ReasonPhrases.GetReasonPhrase(status);
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await output.WriteAsync(Encoding.ASCII.GetBytes(head));
        await output.WriteAsync(body);
        await output.CompleteAsync();
    }
}
