using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using ActorPod.Cli.Client;
using ActorPod.Cli.Formatting;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>load</c>, <c>import</c> and <c>images</c>.</summary>
public static class ImageCommands
{
    public static Command Load()
    {
        var input = new Option<string?>("--input", "-i") { Description = "docker-archive tar (default: stdin)" };
        var command = new Command("load", "Load images from a docker-archive") { input };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            await using var source = Open(parse.GetValue(input));
            using var response = await client.SendAsync(HttpMethod.Post, "/images/load", Tar(source), ct);
            await PrintProgressAsync(response, "stream", ct);
            return 0;
        });
        return command;
    }

    public static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "Root file system tar, or - for stdin" };
        var reference = new Argument<string?>("REFERENCE") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("import", "Import a root file system tar as an image") { file, reference };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            await using var source = Open(parse.GetValue(file));
            var repo = parse.GetValue(reference) is { Length: > 0 } r ? "&repo=" + Uri.EscapeDataString(r) : "";
            using var response = await client.SendAsync(HttpMethod.Post, "/images/create?fromSrc=-" + repo,
                Tar(source), ct);
            await PrintProgressAsync(response, "status", ct);
            return 0;
        });
        return command;
    }

    public static Command Images()
    {
        var format = new Option<string?>("--format") { Description = "json or a Go template" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print ids only" };
        var command = new Command("images", "List images") { format, quiet };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var rows = (await client.GetJsonAsync("/images/json", ct)).EnumerateArray().ToList();
            Console.Write(Render(rows, parse.GetValue(format), parse.GetValue(quiet)));
            return 0;
        });
        return command;
    }

    static string Render(List<JsonElement> rows, string? format, bool quiet)
    {
        if (format == "json")
        {
            return JsonSerializer.Serialize(rows, JsonElementContext.Default.ListJsonElement) + "\n";
        }

        if (quiet || !string.IsNullOrEmpty(format))
        {
            return string.Concat(rows.Select(r => (quiet ? ShortId(r) : GoTemplate.Render(format!, r)) + "\n"));
        }

        var now = DateTimeOffset.UtcNow;
        var lines = rows.SelectMany(r => Tags(r).Select(tag => (IReadOnlyList<string>)
        [
            tag.Repo, tag.Tag, ShortId(r),
            Ago(now, r.GetProperty("Created").GetInt64()),
            Size(r.GetProperty("Size").GetInt64()),
        ]));
        return Table.Render(["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"], lines);
    }

    static IEnumerable<(string Repo, string Tag)> Tags(JsonElement r)
    {
        var tags = r.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()!).ToList();
        if (tags.Count == 0)
        {
            return [("<none>", "<none>")];
        }

        return tags.Select(t => t.LastIndexOf(':') is var c && c > t.LastIndexOf('/') ? (t[..c], t[(c + 1)..])
            : (t, "latest"));
    }

    static string Ago(DateTimeOffset now, long unix) =>
        Api.Mapping.HumanDuration.Format(now - DateTimeOffset.FromUnixTimeSeconds(unix)) + " ago";

    static string ShortId(JsonElement r) => r.GetProperty("Id").GetString()!.Replace("sha256:", "")[..12];

    static string Size(long bytes) => bytes switch
    {
        >= 1_000_000_000 => $"{bytes / 1e9:0.##} GB",
        >= 1_000_000 => $"{bytes / 1e6:0.##} MB",
        >= 1_000 => $"{bytes / 1e3:0.##} kB",
        _ => $"{bytes} B",
    };

    static Stream Open(string? path) => path is null or "-"
        ? Console.OpenStandardInput()
        : File.Exists(path) ? File.OpenRead(path) : throw new CliException($"no such file: {path}");

    static StreamContent Tar(Stream source)
    {
        var content = new StreamContent(source);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        return content;
    }

    // Docker streams one JSON object a line; an "error" line is a failure that came after the 200.
    static async Task PrintProgressAsync(HttpResponseMessage response, string field, CancellationToken ct)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                throw new CliException(error.GetString() ?? line);
            }

            if (doc.RootElement.TryGetProperty(field, out var text))
            {
                Console.WriteLine(text.GetString()!.TrimEnd('\n'));
            }
        }
    }
}
