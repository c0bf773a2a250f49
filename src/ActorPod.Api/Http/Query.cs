using System.Globalization;

namespace ActorPod.Api.Http;

/// <summary>Query parameters parsed as Docker does; a malformed value is a 400 naming the parameter.</summary>
public static class Query
{
    public static string? String(HttpContext ctx, string name) =>
        ctx.Request.Query.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null;

    /// <summary>Docker's boolean: 1/true/yes are true, 0/false/no and empty are false.</summary>
    public static bool Bool(HttpContext ctx, string name, bool fallback = false)
    {
        var text = String(ctx, name);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "" or "0" or "false" or "no" => false,
            "1" or "true" or "yes" => true,
            _ => throw ApiException.BadRequest($"invalid value for {name}: {text} is not a boolean"),
        };
    }

    public static int? Int(HttpContext ctx, string name)
    {
        var text = String(ctx, name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value for {name}: {text} is not an integer");
    }

    /// <summary>A unix time in seconds (with an optional fraction) or an RFC 3339 timestamp.</summary>
    public static DateTimeOffset? Time(HttpContext ctx, string name)
    {
        var text = String(ctx, name);
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var unix))
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(unix * TimeSpan.TicksPerSecond));
        }

        return Oci.Logs.K8sFileLogParser.TryParseTimestamp(text, out var at)
            ? at
            : throw ApiException.BadRequest($"invalid value for {name}: {text} is not a timestamp");
    }
}
