using System.Text.Json;
using ActorPod.Core.Errors;

namespace ActorPod.Storage.Images;

/// <summary>What the store reads from an image config blob (docker and OCI share the format).</summary>
internal sealed record ParsedConfig(
    ImageConfig Config, IReadOnlyList<string> DiffIds, DateTimeOffset Created, string Architecture, string Os)
{
    /// <summary>Parses a config blob; throws InvalidArgument naming <paramref name="what"/> when it is malformed.
    /// </summary>
    public static ParsedConfig Parse(byte[] json, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var config = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object
                ? ReadConfig(c)
                : new ImageConfig();
            return new ParsedConfig(
                config, ReadDiffIds(root, what), ReadCreated(root), ReadString(root, "architecture") ?? "amd64",
                ReadString(root, "os") ?? "linux");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw ActorPodException.InvalidArgument($"{what}: malformed image config: {e.Message}");
        }
    }

    private static ImageConfig ReadConfig(JsonElement c) => new()
    {
        Entrypoint = ReadStrings(c, "Entrypoint"),
        Cmd = ReadStrings(c, "Cmd"),
        Env = ReadStrings(c, "Env"),
        WorkingDir = ReadString(c, "WorkingDir") ?? "",
        User = ReadString(c, "User") ?? "",
        Labels = c.TryGetProperty("Labels", out var l) && l.ValueKind == JsonValueKind.Object
            ? l.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
            : new Dictionary<string, string>(),
        StopSignal = ReadString(c, "StopSignal"),
    };

    private static IReadOnlyList<string> ReadDiffIds(JsonElement root, string what)
    {
        if (!root.TryGetProperty("rootfs", out var rootfs) || !rootfs.TryGetProperty("diff_ids", out var ids)
            || ids.ValueKind != JsonValueKind.Array)
        {
            throw ActorPodException.InvalidArgument($"{what}: the image config has no rootfs.diff_ids");
        }

        var diffIds = ids.EnumerateArray().Select(i => i.GetString() ?? "").ToList();
        var bad = diffIds.FirstOrDefault(d => !Digests.IsSha256(d));
        if (bad is not null)
        {
            throw ActorPodException.InvalidArgument($"{what}: diff id '{bad}' is not a sha256:<64 hex> digest");
        }

        return diffIds;
    }

    private static DateTimeOffset ReadCreated(JsonElement root) =>
        ReadString(root, "created") is { } text && DateTimeOffset.TryParse(text, out var created)
            ? created
            : DateTimeOffset.UnixEpoch;

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Docker writes null for an unset Cmd or Entrypoint, and some tools a bare string.
    private static IReadOnlyList<string> ReadStrings(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString() ?? "").ToList()
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : [];
}
