using System.Text.Json;

namespace ActorPod.Api.Http;

/// <summary>Reads a bounded JSON request body; malformed or oversized input becomes a 4xx with a message.</summary>
public static class JsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpContext ctx, long limit) where T : class
    {
        var bytes = await ReadBoundedAsync(ctx, limit);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ApiJson.Options);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"invalid JSON in request body: {e.Message}");
        }
    }

    static async Task<byte[]> ReadBoundedAsync(HttpContext ctx, long limit)
    {
        if (ctx.Request.ContentLength > limit)
        {
            await DrainAsync(ctx, limit * 4);
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                await DrainAsync(ctx, limit * 4);
                throw TooLarge(limit);
            }
        }

        return buffer.ToArray();
    }

    // Reading what the client still sends lets it see the 413 instead of a reset connection; bounded so a
    // hostile client cannot keep us reading forever.
    static async Task DrainAsync(HttpContext ctx, long max)
    {
        var chunk = new byte[64 * 1024];
        long total = 0;
        int read;
        while (total < max && (read = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted)) > 0)
        {
            total += read;
        }
    }

    static ApiException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"request body too large: the limit is {limit} bytes");
}
