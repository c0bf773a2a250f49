using System.Runtime.InteropServices;
using System.Text.Json;

namespace ActorPod.Storage.Images;

/// <summary>The config blob of an imported image, written the same way every time so its sha256 is its id.</summary>
internal static class ImportConfig
{
    public static string HostArchitecture => RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        _ => "amd64",
    };

    public static byte[] Write(ImageConfig config, string diffId, DateTimeOffset created)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("architecture", HostArchitecture);
            json.WriteString("os", "linux");
            json.WriteString("created", created.UtcDateTime.ToString("O"));
            json.WriteStartObject("config");
            WriteStrings(json, "Entrypoint", config.Entrypoint);
            WriteStrings(json, "Cmd", config.Cmd);
            WriteStrings(json, "Env", config.Env);
            json.WriteString("WorkingDir", config.WorkingDir);
            json.WriteString("User", config.User);
            json.WriteStartObject("Labels");
            foreach (var (key, value) in config.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            if (config.StopSignal is not null)
            {
                json.WriteString("StopSignal", config.StopSignal);
            }

            json.WriteEndObject();
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            WriteStrings(json, "diff_ids", [diffId]);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
