namespace ActorPod.Messages.Model;

/// <summary>
/// Docker's restart policy: <c>no</c>, <c>on-failure</c> (with at most <paramref name="MaximumRetryCount"/>
/// restarts, 0 for no limit), <c>always</c>, <c>unless-stopped</c>. Part of the journaled spec: a durable format.
/// </summary>
public sealed record RestartPolicy(string Name = "no", int MaximumRetryCount = 0)
{
    /// <summary>Never restart: the default.</summary>
    public static RestartPolicy No { get; } = new();
}
