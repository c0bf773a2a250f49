using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorPod.Oci.Spec;

/// <summary>Writes an <see cref="OciSpec"/> as <c>config.json</c>.</summary>
public static class OciSpecJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize(OciSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>Writes <c>config.json</c> into <paramref name="bundleDir"/>, creating it; returns its path.</summary>
    public static string WriteBundle(OciSpec spec, string bundleDir)
    {
        Directory.CreateDirectory(bundleDir);
        var path = Path.Combine(bundleDir, "config.json");
        File.WriteAllText(path, Serialize(spec));
        return path;
    }
}
