using System.CommandLine;
using System.Text.Json;
using ActorPod.Cli.Formatting;
using ActorPod.Cli.Parsing;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>ps [-a] [-q] [--filter K=V]... [--format T|json] [--no-trunc]</c>.</summary>
public static class PsCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all", "-a") { Description = "Show all containers, not only running ones" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print ids only" };
        var filter = new Option<string[]>("--filter", "-f") { Description = "name=, status=, label= or id=" };
        var format = new Option<string?>("--format") { Description = "Go template or json" };
        var noTrunc = new Option<bool>("--no-trunc") { Description = "Show full ids and commands" };
        var command = new Command("ps", "List containers") { all, quiet, filter, format, noTrunc };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var query = "?all=" + (parse.GetValue(all) ? "1" : "0");
            if (FilterArgs.ToJson(parse.GetValue(filter) ?? []) is { } filters)
            {
                query += "&filters=" + Uri.EscapeDataString(filters);
            }

            var rows = (await client.GetJsonAsync("/containers/json" + query, ct)).EnumerateArray().ToList();
            Console.Write(Render(rows, parse.GetValue(quiet), parse.GetValue(format), parse.GetValue(noTrunc),
                DateTimeOffset.UtcNow));
            return 0;
        });
        return command;
    }

    public static string Render(List<JsonElement> rows, bool quiet, string? format, bool noTrunc, DateTimeOffset now)
    {
        if (quiet)
        {
            return string.Concat(rows.Select(r => Id(r, noTrunc) + "\n"));
        }

        if (format == "json")
        {
            return JsonSerializer.Serialize(rows, JsonElementContext.Default.ListJsonElement) + "\n";
        }

        if (!string.IsNullOrEmpty(format))
        {
            return string.Concat(rows.Select(r => GoTemplate.Render(format, TemplateRow(r, noTrunc, now)) + "\n"));
        }

        // A NODE column only when the rows come from more than one cluster node: a lone daemon's table is unchanged.
        if (rows.Select(NodeOf).Distinct().Count() > 1)
        {
            return Table.Render(["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "NAMES", "NODE"],
                rows.Select(r => (string[])[.. Row(r, noTrunc, now), NodeOf(r)]));
        }

        return Table.Render(["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "NAMES"],
            rows.Select(r => Row(r, noTrunc, now)));
    }

    static string NodeOf(JsonElement r) =>
        r.TryGetProperty("Node", out var node) && node.ValueKind == JsonValueKind.String ? node.GetString()! : "";

    static string[] Row(JsonElement r, bool noTrunc, DateTimeOffset now)
    {
        var command = r.GetProperty("Command").GetString() ?? "";
        if (!noTrunc && command.Length > 20)
        {
            command = command[..17] + "...";
        }

        var created = DateTimeOffset.FromUnixTimeSeconds(r.GetProperty("Created").GetInt64());
        var names = string.Join(',',
            r.GetProperty("Names").EnumerateArray().Select(n => n.GetString()!.TrimStart('/')));
        return [Id(r, noTrunc), r.GetProperty("Image").GetString()!, command,
            Api.Mapping.HumanDuration.Format(now - created) + " ago", r.GetProperty("Status").GetString()!, names];
    }

    /// <summary>
    /// The fields a podman <c>ps --format</c> template sees: names joined and without Docker's leading slash,
    /// short ids unless <c>--no-trunc</c>, a human creation time; the API's own fields stay available.
    /// </summary>
    static JsonElement TemplateRow(JsonElement r, bool noTrunc, DateTimeOffset now)
    {
        var cells = Row(r, noTrunc: true, now);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in r.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteString("ID", Id(r, noTrunc));
            writer.WriteString("Names", cells[5]);
            writer.WriteString("CreatedAt", DateTimeOffset.FromUnixTimeSeconds(r.GetProperty("Created").GetInt64())
                .ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("CreatedHuman", cells[3]);
            writer.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    static string Id(JsonElement r, bool noTrunc)
    {
        var id = r.GetProperty("Id").GetString()!;
        return noTrunc ? id : id[..Math.Min(12, id.Length)];
    }
}
