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
    };

    /// <summary>Writes <paramref name="value"/> with the given status.</summary>
    public static Task WriteAsync<T>(HttpContext ctx, T value, int status = StatusCodes.Status200OK)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(ctx.Response.Body, value, Options, ctx.RequestAborted);
    }

    /// <summary>Writes Docker's error body.</summary>
    public static Task WriteErrorAsync(HttpContext ctx, int status, string message) =>
        WriteAsync(ctx, new Dto.ErrorResponse(message), status);
}
