using System.Globalization;
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
    static readonly string[] Keys = ["name", "status", "label", "id", "exited", "ancestor", "before", "since"];
    static readonly string[] Statuses = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

    readonly Dictionary<string, List<string>> _values;

    // Creation times of the containers that "before" and "since" name, once bound to a listing.
    Dictionary<string, DateTimeOffset> _createdAt = [];

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

    /// <summary>
    /// Resolves the containers that <c>before</c> and <c>since</c> name (by name, id or id prefix) in
    /// <paramref name="all"/>; an unknown one is a 404 as in Docker.
    /// </summary>
    public ContainerFilter Bind(IReadOnlyList<ContainerInfo> all)
    {
        var references = _values.Where(kv => kv.Key is "before" or "since").SelectMany(kv => kv.Value);
        _createdAt = references.Distinct().ToDictionary(r => r, r => Find(all, r).CreatedAt);
        return this;
    }

    static ContainerInfo Find(IReadOnlyList<ContainerInfo> all, string reference) =>
        all.FirstOrDefault(c => c.Name == reference.TrimStart('/'))
        ?? all.FirstOrDefault(c => c.Id.StartsWith(reference, StringComparison.Ordinal))
        ?? throw new ApiException(StatusCodes.Status404NotFound, $"no such container: {reference}");

    public bool Matches(ContainerInfo info) => _values.All(kv => kv.Value.Count == 0 || kv.Value.Any(v => kv.Key switch
    {
        "name" => Regex.IsMatch("/" + info.Name, v, RegexOptions.None, TimeSpan.FromMilliseconds(100)),
        "status" => StatusNames.Docker(info.Status) == v,
        "id" => info.Id.StartsWith(v, StringComparison.Ordinal),
        "label" => LabelMatches(info.Spec.Labels, v),
        "exited" => info.Status == ContainerStatus.Stopped && info.ExitCode.ToString(CultureInfo.InvariantCulture) == v,
        "ancestor" => AncestorMatches(info.Spec, v),
        "before" => _createdAt.TryGetValue(v, out var before) && info.CreatedAt < before,
        "since" => _createdAt.TryGetValue(v, out var since) && info.CreatedAt > since,
        _ => false,
    }));

    /// <summary>Docker's ancestor: the image by name (with or without <c>:latest</c>) or by id or id prefix.</summary>
    static bool AncestorMatches(ContainerSpec spec, string image)
    {
        var id = image.StartsWith("sha256:", StringComparison.Ordinal) ? image[7..] : image;
        return spec.Image == image || spec.Image == image + ":latest" || image == spec.Image + ":latest"
            || (id.Length >= 4 && spec.ImageId.StartsWith(id, StringComparison.Ordinal));
    }

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

            if (key == "exited" && list.FirstOrDefault(s => !int.TryParse(s, CultureInfo.InvariantCulture, out _)) is
                { } badCode)
            {
                throw ApiException.BadRequest($"invalid filter 'exited={badCode}': expected an exit code");
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
