using System.CommandLine;
using System.Text.Json;
using ActorPod.Cli.Client;
using ActorPod.Cli.Formatting;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>pause</c>, <c>unpause</c>, <c>restart</c>, <c>mount</c>, <c>unmount</c>, <c>cleanup</c>,
/// <c>export</c> and <c>history</c>.</summary>
public static class ControlCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Simple("pause", "Pause containers", id => $"/containers/{id}/pause");
        yield return Simple("unpause", "Unpause containers", id => $"/containers/{id}/unpause");
        yield return Restart();
        yield return Mount();
        yield return Simple("unmount", "Unmount containers' root file systems",
            id => $"/actorpod/containers/{id}/unmount");
        yield return Simple("cleanup", "Release the runtime state and mounts of exited containers",
            id => $"/actorpod/containers/{id}/cleanup");
        yield return Export();
        yield return History();
        yield return Node();
    }

    /// <summary><c>node ls [--format json]</c>: the cluster's members, their roles, status and container counts.
    /// </summary>
    static Command Node()
    {
        var format = new Option<string?>("--format") { Description = "json for the raw list" };
        var ls = new Command("ls", "List the cluster's nodes") { format };
        ls.Aliases.Add("list");
        ls.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var nodes = await client.GetJsonAsync("/actorpod/nodes", ct);
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(IndentedJson(nodes));
                return 0;
            }

            var rows = nodes.EnumerateArray().Select(n => (IReadOnlyList<string>)
            [
                n.GetProperty("Name").GetString()!,
                n.GetProperty("Status").GetString()!,
                n.GetProperty("Containers").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                n.GetProperty("Address").GetString()!,
                string.Join(',', n.GetProperty("Roles").EnumerateArray().Select(r => r.GetString())),
            ]);
            Console.Write(Table.Render(["NAME", "STATUS", "CONTAINERS", "ADDRESS", "ROLES"], rows));
            return 0;
        });
        return new Command("node", "Cluster nodes") { ls };
    }

    static Command Simple(string name, string description, Func<string, string> path, Option? option = null,
        Func<ParseResult, string>? query = null)
    {
        var containers = ContainerArgument.Many();
        var command = new Command(name, description) { containers };
        if (option is not null)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            return await LifecycleCommands.ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                var suffix = query?.Invoke(parse) ?? "";
                await client.SendEmptyAsync(HttpMethod.Post, path(Escape(reference)) + suffix, ct);
                Console.WriteLine(reference);
                return 0;
            });
        });
        return command;
    }

    static Command Restart()
    {
        var time = new Option<int?>("--time", "-t") { Description = "Seconds to wait before killing" };
        return Simple("restart", "Restart containers", id => $"/containers/{id}/restart", time,
            p => p.GetValue(time) is { } t ? $"?t={t}" : "");
    }

    static Command Mount()
    {
        var containers = ContainerArgument.Many();
        var command = new Command("mount", "Mount containers' root file systems and print their paths") { containers };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            return await LifecycleCommands.ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                var reply = await client.PostJsonAsync($"/actorpod/containers/{Escape(reference)}/mount", null, ct);
                Console.WriteLine(reply.GetProperty("Path").GetString());
                return 0;
            });
        });
        return command;
    }

    static Command Export()
    {
        var container = ContainerArgument.One();
        var output = new Option<string?>("--output", "-o") { Description = "Write to a file instead of stdout" };
        var command = new Command("export", "Export a container's file system as a tar archive") { container, output };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            using var response = await client.SendAsync(HttpMethod.Get,
                $"/containers/{Escape(parse.GetValue(container)!)}/export", null, ct);
            var file = parse.GetValue(output);
            await using var target = file is null ? Console.OpenStandardOutput() : File.Create(file);
            await response.Content.CopyToAsync(target, ct);
            return 0;
        });
        return command;
    }

    static Command History()
    {
        var container = ContainerArgument.One();
        var format = new Option<string?>("--format") { Description = "json for the raw entries" };
        var command = new Command("history", "Show a container's journal: every state change") { container, format };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var entries = await client.GetJsonAsync(
                $"/actorpod/containers/{Escape(parse.GetValue(container)!)}/history", ct);
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(IndentedJson(entries));
                return 0;
            }

            var rows = entries.EnumerateArray().Select(e => (IReadOnlyList<string>)
            [
                e.GetProperty("Sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.GetProperty("At").GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff",
                    System.Globalization.CultureInfo.InvariantCulture),
                e.GetProperty("Event").GetString()!,
                e.GetProperty("Details").GetString()!,
            ]);
            Console.Write(Table.Render(["SEQ", "AT", "EVENT", "DETAILS"], rows));
            return 0;
        });
        return command;
    }

    static string IndentedJson(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
