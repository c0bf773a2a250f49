using System.Text.Json;
using System.Text.Json.Serialization;

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
    /// </summary>
    public static Task WriteAsync<T>(HttpContext ctx, T value, int status = StatusCodes.Status200OK)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        return ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).AsTask();
    }

    /// <summary>Writes Docker's error body.</summary>
    public static Task WriteErrorAsync(HttpContext ctx, int status, string message) =>
        WriteAsync(ctx, new Dto.ErrorResponse(message), status);
}
