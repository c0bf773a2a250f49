using System.Text.Json;
using ActorPod.Api.Dto;
using ActorPod.Api.Http;

namespace ActorPod.Api.Mapping;

/// <summary>
/// Docker's event filters: <c>{"container":["web"],"type":["container"],"event":["die"],"image":["busybox"]}</c>.
/// Values of one key are alternatives; all keys must match. A container matches by id, id prefix or name.
/// </summary>
public sealed class EventFilter
{
    static readonly string[] Keys = ["container", "type", "event", "image"];

    readonly Dictionary<string, List<string>> _values;

    EventFilter(Dictionary<string, List<string>> values) => _values = values;

    public static EventFilter Parse(string? json)
    {
        var values = new Dictionary<string, List<string>>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return new EventFilter(values);
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.BadRequest("invalid filters: expected a JSON object");
            }

            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!Keys.Contains(property.Name))
                {
                    throw ApiException.BadRequest($"invalid filter '{property.Name}'");
                }

                values[property.Name] = ReadValues(property.Value, property.Name);
            }
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"invalid filters: {e.Message}");
        }

        return new EventFilter(values);
    }

    public bool Matches(EventMessage message) =>
        Any("type", v => v == message.Type)
        && Any("event", v => v == message.Action || message.Action.StartsWith(v + ":", StringComparison.Ordinal))
        && Any("image", v => v == message.From || message.From.StartsWith(v + ":", StringComparison.Ordinal))
        && Any("container", v => message.Id.StartsWith(v, StringComparison.Ordinal)
            || message.Actor.Attributes.GetValueOrDefault("name") == v.TrimStart('/'));

    bool Any(string key, Func<string, bool> match) => !_values.TryGetValue(key, out var values) || values.Any(match);

    /// <summary>Accepts <c>["a","b"]</c> and the older <c>{"a":true}</c> form.</summary>
    static List<string> ReadValues(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw ApiException.BadRequest($"invalid filter '{key}': values must be strings")).ToList(),
        JsonValueKind.Object => value.EnumerateObject().Select(p => p.Name).ToList(),
        _ => throw ApiException.BadRequest($"invalid filter '{key}': expected a list of strings"),
    };
}
