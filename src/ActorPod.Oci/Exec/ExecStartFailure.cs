namespace ActorPod.Oci.Exec;

/// <summary>Why <c>runc exec</c> could not start the process; callers map it to the shell's exit codes.</summary>
public enum ExecStartFailure
{
    /// <summary>Any other failure (container not running, bad user...): the tool's own error, 125.</summary>
    Other,

    /// <summary>The command does not exist (podman and Docker report exit code 127).</summary>
    NotFound,

    /// <summary>The command exists but cannot be executed (exit code 126).</summary>
    NotExecutable,
}

/// <summary>Reads runc's exec error for the failure kind.</summary>
public static class ExecStartFailures
{
    /// <summary>Classifies runc's message, e.g. <c>exec: "nope": executable file not found in $PATH</c>.</summary>
    public static ExecStartFailure Classify(string message)
    {
        if (message.Contains("executable file not found", StringComparison.Ordinal)
            || message.Contains("no such file or directory", StringComparison.Ordinal))
        {
            return ExecStartFailure.NotFound;
        }

        return message.Contains("permission denied", StringComparison.Ordinal)
            ? ExecStartFailure.NotExecutable
            : ExecStartFailure.Other;
    }

    /// <summary>The exit code podman reports for a failure: 127, 126, or 125 for its own errors.</summary>
    public static int ExitCode(ExecStartFailure failure) => failure switch
    {
        ExecStartFailure.NotFound => 127,
        ExecStartFailure.NotExecutable => 126,
        _ => 125,
    };
}
