using System.Text;
using System.Text.Json;

namespace ActorPod.Cli.Formatting;

/// <summary>
/// A small subset of Go's text/template for <c>--format</c>: literal text around actions <c>{{.A.B}}</c>,
/// <c>{{.}}</c> and <c>{{json .X}}</c>, evaluated over a JSON value. Values print as Go prints them: strings raw,
/// lists as <c>[a b]</c>, maps as <c>map[k:v]</c>, a missing field as <c>&lt;no value&gt;</c>.
/// </summary>
public static class GoTemplate
{
    public static string Render(string template, JsonElement data)
    {
        var output = new StringBuilder();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                output.Append(template, at, template.Length - at);
                break;
            }

            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"template: unclosed action at {open}: {template}");
            }

            output.Append(template, at, open - at);
            output.Append(Evaluate(template[(open + 2)..close].Trim().Trim('-').Trim(), data));
            at = close + 2;
        }

        return output.ToString();
    }

    static string Evaluate(string action, JsonElement data)
    {
        var words = action.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            [var path] when path.StartsWith('.') => Print(Lookup(data, path)),
            ["json", var path] when path.StartsWith('.') => Lookup(data, path) is { } v ? v.GetRawText() : "null",
            ["upper", var path] when path.StartsWith('.') => Print(Lookup(data, path)).ToUpperInvariant(),
            ["lower", var path] when path.StartsWith('.') => Print(Lookup(data, path)).ToLowerInvariant(),
            _ => throw new FormatException($"template: unsupported action {{{{{action}}}}}"),
        };
    }

    /// <summary>Follows <c>.A.B</c>; null when a field is missing. Field names match case-insensitively first
    /// exactly, as podman's inspect data has both Id and ID spellings around.</summary>
    static JsonElement? Lookup(JsonElement data, string path)
    {
        var current = data;
        foreach (var field in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (current.TryGetProperty(field, out var next))
            {
                current = next;
                continue;
            }

            var match = current.EnumerateObject().FirstOrDefault(p =>
                string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
            if (match.Value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            current = match.Value;
        }

        return current;
    }

    static string Print(JsonElement? value) => value is { } v ? Print(v) : "<no value>";

    static string Print(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "<nil>",
        JsonValueKind.Array => "[" + string.Join(' ', value.EnumerateArray().Select(Print)) + "]",
        _ => "map[" + string.Join(' ', value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + ":" + Print(p.Value))) + "]",
    };
}
