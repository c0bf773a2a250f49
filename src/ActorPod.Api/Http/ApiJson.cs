using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.ObjectPool;

namespace ActorPod.Api.Http;

/// <summary>
/// JSON as Docker speaks it: PascalCase names as declared, case-insensitive input, unknown fields ignored.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            ApiJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    /// <summary>
    /// Writes <paramref name="value"/> with the given status, serialized whole first: one write with a
    /// Content-Length instead of a chunked stream of 16 KiB flushes, which a listing of a thousand containers felt.
    /// The buffer is pooled: a fresh array per listing (350 KiB for a thousand containers) lands on the large
    /// object heap and costs a clear and a full collection now and then.
    /// </summary>
    public static Task WriteAsync<T>(HttpContext ctx, T value, int status = StatusCodes.Status200OK) =>
        WriteAsync(ctx, buffer =>
        {
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);
            JsonSerializer.Serialize(writer, value, Options);
        }, status);

    /// <summary>Writes the JSON that <paramref name="fill"/> puts into a pooled buffer, with its length.</summary>
    public static async Task WriteAsync(HttpContext ctx, Action<IBufferWriter<byte>> fill,
        int status = StatusCodes.Status200OK)
    {
        var buffer = Buffers.Get();
        try
        {
            fill(buffer);
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = "application/json";
            ctx.Response.ContentLength = buffer.WrittenCount;
            await ctx.Response.Body.WriteAsync(buffer.WrittenMemory, ctx.RequestAborted);
        }
        finally
        {
            Buffers.Return(buffer);
        }
    }

    // A caller's writer ignores the options' encoder and indentation: they are handed to it here.
    static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
    };

    static readonly ObjectPool<ArrayBufferWriter<byte>> Buffers =
        new DefaultObjectPoolProvider().Create(new ResponseBufferPolicy());

    /// <summary>Keeps buffers up to 4 MiB, emptied; a rare bigger one is left to the collector.</summary>
    sealed class ResponseBufferPolicy : PooledObjectPolicy<ArrayBufferWriter<byte>>
    {
        const int MaxKeptCapacity = 4 << 20;

        public override ArrayBufferWriter<byte> Create() => new(16 << 10);

        public override bool Return(ArrayBufferWriter<byte> buffer)
        {
            buffer.ResetWrittenCount();
            return buffer.Capacity <= MaxKeptCapacity;
        }
    }

    /// <summary>Writes Docker's error body.</summary>
    public static Task WriteErrorAsync(HttpContext ctx, int status, string message) =>
        WriteAsync(ctx, new Dto.ErrorResponse(message), status);
}
