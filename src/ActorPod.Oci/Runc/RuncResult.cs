namespace ActorPod.Oci.Runc;

/// <summary>How a runc command ended: its exit code and what it printed.</summary>
public sealed record RuncResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>runc's last error message, or a fallback naming the exit code.</summary>
    public string Message => RuncErrors.LastMessage(Stderr) ?? $"runc exited with code {ExitCode}";
}
