namespace ActorPod.Cli.Client;

/// <summary>podman's exit codes for failures of the tool itself, as opposed to the container's own code.</summary>
public static class ExitCodes
{
    /// <summary>ActorPod itself failed: bad usage, daemon unreachable, refused command.</summary>
    public const int ToolError = 125;

    /// <summary>The container's command exists but cannot be invoked (permission denied, not executable).</summary>
    public const int CannotInvoke = 126;

    /// <summary>The container's command was not found.</summary>
    public const int NotFound = 127;

    /// <summary>
    /// Classifies a failed start the way podman does: by the runtime's own words, which the daemon quotes in its
    /// error message (runc: "exec: \"foo\": executable file not found in $PATH", "permission denied").
    /// </summary>
    public static int ForStartFailure(string message)
    {
        if (message.Contains("executable file not found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("no such file or directory", StringComparison.OrdinalIgnoreCase))
        {
            return NotFound;
        }

        return message.Contains("permission denied", StringComparison.OrdinalIgnoreCase)
            || message.Contains("is a directory", StringComparison.OrdinalIgnoreCase)
            ? CannotInvoke
            : ToolError;
    }
}
