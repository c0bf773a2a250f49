using System.CommandLine;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary><c>artifact add|get|rm CTR NAME</c>: a container's named artifacts (content from or to a file).</summary>
public static class ArtifactCommands
{
    public static IEnumerable<Command> All()
    {
        var artifact = new Command("artifact", "Manage a container's named artifacts");
        artifact.Subcommands.Add(Add());
        artifact.Subcommands.Add(Get());
        artifact.Subcommands.Add(Remove());
        yield return artifact;
    }

    static string Path(string container, string name) =>
        $"/actorpod/containers/{Escape(container)}/artifacts/{Escape(name)}";

    static Command Add()
    {
        var container = ContainerArgument.One();
        var name = new Argument<string>("NAME");
        var file = new Argument<string>("FILE") { Description = "File to store; - for stdin" };
        var command = new Command("add", "Store an artifact") { container, name, file };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var source = parse.GetValue(file)!;
            await using var input = source == "-" ? Console.OpenStandardInput() : File.OpenRead(source);
            using var content = new StreamContent(input);
            using var response = await client.SendAsync(HttpMethod.Put,
                Path(parse.GetValue(container)!, parse.GetValue(name)!), content, ct);
            return 0;
        });
        return command;
    }

    static Command Get()
    {
        var container = ContainerArgument.One();
        var name = new Argument<string>("NAME");
        var output = new Option<string?>("--output", "-o") { Description = "Write to a file instead of stdout" };
        var command = new Command("get", "Print an artifact") { container, name, output };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            using var response = await client.SendAsync(HttpMethod.Get,
                Path(parse.GetValue(container)!, parse.GetValue(name)!), null, ct);
            var file = parse.GetValue(output);
            await using var target = file is null ? Console.OpenStandardOutput() : File.Create(file);
            await response.Content.CopyToAsync(target, ct);
            return 0;
        });
        return command;
    }

    static Command Remove()
    {
        var container = ContainerArgument.One();
        var name = new Argument<string>("NAME");
        var command = new Command("rm", "Remove an artifact") { container, name };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            await client.SendEmptyAsync(HttpMethod.Delete, Path(parse.GetValue(container)!, parse.GetValue(name)!), ct);
            return 0;
        });
        return command;
    }
}
