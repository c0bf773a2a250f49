using System.CommandLine;
using ActorPod.Cli.Client;
using ActorPod.Cli.Commands;
using ActorPod.Cli.Parsing;

namespace ActorPod.Cli;

/// <summary>The <c>actorpod</c> command tree and its mapping of failures to podman's exit codes.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("actorpod: containers as persistent actors, driven like podman");
        root.Options.Add(Globals.Host);
        foreach (var command in new[]
                 {
                     ImageCommands.Load(), ImageCommands.Import(), ImageCommands.Images(), CreateCommand.Create(),
                     RunCommand.Create(), InspectCommand.Create(), PsCommand.Create(), LogsCommand.Create(),
                     StartCommand.Create(), ExecCommand.Create(), AttachCommand.Create(),
                 }.Concat(LifecycleCommands.All()).Concat(ControlCommands.All()).Concat(ArtifactCommands.All()))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> with the container command split off for run and create.</summary>
    public static ParseResult Parse(string[] args)
    {
        var root = BuildRoot();
        return root.Parse(ContainerArgs.Rewrite(args, root, "run", "create", "exec"));
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"Error: {error.Message}");
            }

            return ExitCodes.ToolError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await Console.Error.WriteLineAsync($"Error: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.ToolError;
        }
        catch (Exception e) when (e is IOException or FormatException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"Error: {e.Message}");
            return ExitCodes.ToolError;
        }
    }
}
