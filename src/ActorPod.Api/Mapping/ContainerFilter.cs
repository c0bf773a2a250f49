using System.Text.Json;
using System.Text.RegularExpressions;
using ActorPod.Api.Http;
using ActorPod.Messages.Model;

namespace ActorPod.Api.Mapping;

/// <summary>
/// Docker's list filters, <c>{"name":["x"],"status":["running"],"label":["k=v","k"],"id":["3f2a"]}</c>: values
/// of one key are alternatives, keys must all match. The older <c>{"name":{"x":true}}</c> form is accepted too.
/// </summary>
public sealed class ContainerFilter
{
    static readonly string[] Keys = ["name", "status", "label", "id"];
    static readonly string[] Statuses = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

    readonly Dictionary<string, List<string>> _values;

    ContainerFilter(Dictionary<string, List<string>> values) => _values = values;

    public static ContainerFilter Parse(string? json)
    {
        var values = new Dictionary<string, List<string>>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ContainerFilter(values);
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
                values[property.Name] = ReadValues(property);
            }
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"invalid filters: {e.Message}");
        }

        Validate(values);
        return new ContainerFilter(values);
    }

    public bool Matches(ContainerInfo info) => _values.All(kv => kv.Value.Count == 0 || kv.Value.Any(v => kv.Key switch
    {
        "name" => Regex.IsMatch("/" + info.Name, v, RegexOptions.None, TimeSpan.FromMilliseconds(100)),
        "status" => StatusNames.Docker(info.Status) == v,
        "id" => info.Id.StartsWith(v, StringComparison.Ordinal),
        "label" => LabelMatches(info.Spec.Labels, v),
        _ => false,
    }));

    static bool LabelMatches(IReadOnlyDictionary<string, string> labels, string filter)
    {
        var eq = filter.IndexOf('=');
        return eq < 0
            ? labels.ContainsKey(filter)
            : labels.TryGetValue(filter[..eq], out var value) && value == filter[(eq + 1)..];
    }

    static List<string> ReadValues(JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.Array => property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw ApiException.BadRequest($"invalid filters: values of {property.Name} must be strings")).ToList(),
        JsonValueKind.Object => property.Value.EnumerateObject().Select(p => p.Name).ToList(),
        _ => throw ApiException.BadRequest($"invalid filters: {property.Name} must be a list of strings"),
    };

    static void Validate(Dictionary<string, List<string>> values)
    {
        foreach (var (key, list) in values)
        {
            if (!Keys.Contains(key))
            {
                throw ApiException.BadRequest($"invalid filter '{key}'");
            }

            if (key == "status" && list.FirstOrDefault(s => !Statuses.Contains(s)) is { } bad)
            {
                throw ApiException.BadRequest(
                    $"invalid filter 'status={bad}': expected one of {string.Join(", ", Statuses)}");
            }

            if (key == "name" && list.FirstOrDefault(s => !IsRegex(s)) is { } badName)
            {
                throw ApiException.BadRequest($"invalid filter 'name={badName}': not a regular expression");
            }
        }
    }

    static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
