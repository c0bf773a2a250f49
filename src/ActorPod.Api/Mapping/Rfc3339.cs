using System.Globalization;

namespace ActorPod.Api.Mapping;

/// <summary>Go's RFC3339Nano formatting: UTC, trailing fractional zeros dropped, the zero time for unset.</summary>
public static class Rfc3339
{
    public const string Zero = "0001-01-01T00:00:00Z";

    public static string Format(DateTimeOffset? at)
    {
        if (at is null || at.Value == default)
        {
            return Zero;
        }

        var text = at.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        return text.TrimEnd('0').TrimEnd('.') + "Z";
    }
}
