using System.Text.Json;

namespace ActorPod.Cli.Parsing;

/// <summary>Turns repeated <c>--filter key=value</c> into Docker's filters JSON: <c>{"key":["value"]}</c>.</summary>
public static class FilterArgs
{
    static readonly string[] Keys = ["name", "status", "label", "id"];

    public static string? ToJson(IEnumerable<string> filters)
    {
        var map = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var eq = filter.IndexOf('=');
            if (eq <= 0 || !Keys.Contains(filter[..eq]))
            {
                throw new Client.CliException(
                    $"invalid filter {filter}: expected name=, status=, label= or id= followed by a value");
            }

            var key = filter[..eq];
            if (!map.TryGetValue(key, out var values))
            {
                map[key] = values = [];
            }

            values.Add(filter[(eq + 1)..]);
        }

        if (map.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, values) in map)
            {
                writer.WriteStartArray(key);
                values.ForEach(writer.WriteStringValue);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
