using System.Text.RegularExpressions;

namespace ActorPod.Api.Http;

/// <summary>
/// Serves every route both bare and under <c>/v{major}.{minor}</c>: strips the version prefix before routing and
/// refuses versions outside the supported range, as Docker does.
/// </summary>
public sealed partial class ApiVersionMiddleware(RequestDelegate next, DockerApiOptions options)
{
    readonly Version _max = Version.Parse(options.ApiVersion);
    readonly Version _min = Version.Parse(options.MinApiVersion);

    [GeneratedRegex(@"^/v(\d+\.\d+)(/.*)$")]
    private static partial Regex VersionedPath();

    public Task InvokeAsync(HttpContext ctx)
    {
        var match = VersionedPath().Match(ctx.Request.Path.Value ?? "");
        if (!match.Success)
        {
            return next(ctx);
        }

        var requested = Version.Parse(match.Groups[1].Value);
        if (requested > _max)
        {
            return ApiJson.WriteErrorAsync(ctx, StatusCodes.Status400BadRequest,
                $"client version {requested} is too new. Maximum supported API version is {_max}");
        }

        if (requested < _min)
        {
            return ApiJson.WriteErrorAsync(ctx, StatusCodes.Status400BadRequest,
                $"client version {requested} is too old. Minimum supported API version is {_min}, " +
                "please upgrade your client to a newer version");
        }

        ctx.Request.Path = match.Groups[2].Value;
        return next(ctx);
    }
}
