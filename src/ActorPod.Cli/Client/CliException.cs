namespace ActorPod.Cli.Client;

/// <summary>A failure to report as <c>Error: message</c> and end the process with <see cref="ExitCode"/>.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.ToolError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
