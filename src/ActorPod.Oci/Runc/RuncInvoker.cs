using System.Diagnostics;
using ActorPod.Core.Errors;
using Serilog;

namespace ActorPod.Oci.Runc;

/// <summary>Runs <c>runc --root ROOT verb ... ID</c> and captures its output.</summary>
public sealed class RuncInvoker(RuntimeOptions options, ILogger logger)
{
    /// <summary>Runs runc; never throws for a non-zero exit (the caller decides what that means).</summary>
    public async Task<RuncResult> RunAsync(string containerId, IReadOnlyList<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(options.RuncPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("--root");
        psi.ArgumentList.Add(options.RuntimeRoot);
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        logger.Debug("Running {Command} {Arguments} for {ContainerId}", psi.FileName, psi.ArgumentList,
            containerId);

        using var process = Process.Start(psi)
            ?? throw ActorPodException.Runtime(containerId, $"could not start {options.RuncPath}");
        process.StandardInput.Close();

        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        return new RuncResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs runc and throws RuntimeFailed quoting runc when it fails.</summary>
    public async Task<RuncResult> RunCheckedAsync(string containerId, string verb, IReadOnlyList<string> args,
        CancellationToken ct)
    {
        var result = await RunAsync(containerId, [verb, .. args], ct);
        if (!result.Succeeded)
        {
            throw ActorPodException.Runtime(containerId,
                $"runc {verb} of container {containerId} failed: {result.Message}");
        }

        return result;
    }
}
