using System.CommandLine;
using System.Text.Json;
using ActorPod.Cli.Formatting;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>inspect [--format TEMPLATE] CTR...</c>: a JSON array, or the template per container.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var containers = ContainerArgument.Many();
        var format = new Option<string?>("--format", "-f") { Description = "Go template, e.g. {{.State.Status}}" };
        var command = new Command("inspect", "Show containers' details") { containers, format };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var found = new List<JsonElement>();
            var code = await LifecycleCommands.ForEachAsync(parse.GetValue(containers)!, async reference =>
            {
                found.Add(await client.GetJsonAsync($"/containers/{Escape(reference)}/json", ct));
                return 0;
            });

            Print(found, parse.GetValue(format));
            return code;
        });
        return command;
    }

    static void Print(List<JsonElement> found, string? format)
    {
        if (string.IsNullOrEmpty(format) || format == "json")
        {
            Console.WriteLine(JsonSerializer.Serialize(found, JsonElementContext.Default.ListJsonElement));
            return;
        }

        foreach (var item in found)
        {
            Console.WriteLine(GoTemplate.Render(format, item));
        }
    }
}

/// <summary>Indented JSON output of raw elements without reflection.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<JsonElement>))]
internal sealed partial class JsonElementContext : System.Text.Json.Serialization.JsonSerializerContext;
