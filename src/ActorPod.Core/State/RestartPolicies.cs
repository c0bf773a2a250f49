using ActorPod.Messages.Model;

namespace ActorPod.Core.State;

/// <summary>
/// Docker's restart policies as pure rules. The back-off starts at <see cref="FirstDelayMs"/> and doubles up to
/// <see cref="MaxDelayMs"/> (10 s: long enough that a crash loop costs little, short enough that a service that
/// recovers is back soon); it starts over once a run lasted <see cref="ResetAfter"/>, as Docker's does.
/// </summary>
public static class RestartPolicies
{
    public const int FirstDelayMs = 100;

    public const int MaxDelayMs = 10_000;

    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);

    /// <summary>Parses <c>no</c>, <c>on-failure[:N]</c>, <c>always</c>, <c>unless-stopped</c>.</summary>
    public static RestartPolicy? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return RestartPolicy.No;
        }

        var parts = text.Split(':', 2);
        var max = 0;
        if (parts.Length == 2 && (parts[0] != "on-failure" || !int.TryParse(parts[1], out max) || max < 0))
        {
            return null;
        }

        var policy = new RestartPolicy(parts[0], max);
        return IsValid(policy) ? policy : null;
    }

    public static bool IsValid(RestartPolicy policy) =>
        policy.Name is "no" or "on-failure" or "always" or "unless-stopped" && policy.MaximumRetryCount >= 0
        && (policy.MaximumRetryCount == 0 || policy.Name == "on-failure");

    /// <summary>After an exit has been applied: does the policy ask for a restart? A user's stop always wins.</summary>
    public static bool ShouldRestartAfterExit(ContainerState state)
    {
        if (state.Status != ContainerStatus.Stopped || state.StopRequested || state.Spec is not { } spec
            || spec.AutoRemove)
        {
            return false;
        }

        var policy = spec.RestartPolicy;
        return policy.Name switch
        {
            "always" or "unless-stopped" => true,
            "on-failure" => state.ExitCode != 0
                && (policy.MaximumRetryCount == 0 || state.RestartCount < policy.MaximumRetryCount),
            _ => false,
        };
    }

    /// <summary>
    /// When the supervisor starts: <c>always</c> brings back even a container a user stopped (Docker's rule),
    /// <c>unless-stopped</c> only one that nobody stopped, and a restart that was pending at the crash goes on.
    /// </summary>
    public static bool ShouldStartAtBoot(ContainerState state) =>
        state.Status == ContainerStatus.Stopped && state.Spec is { } spec && !spec.AutoRemove
        && (state.Restarting || spec.RestartPolicy.Name == "always"
            || (spec.RestartPolicy.Name == "unless-stopped" && !state.StopRequested));

    /// <summary>The delay before the next policy restart.</summary>
    public static int NextDelayMs(ContainerState state)
    {
        var ran = state.FinishedAt - state.StartedAt;
        if (state.RestartDelayMs == 0 || ran is null || ran >= ResetAfter)
        {
            return FirstDelayMs;
        }

        return Math.Min(state.RestartDelayMs * 2, MaxDelayMs);
    }
}
