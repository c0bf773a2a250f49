namespace ActorPod.Oci.Logs;

/// <summary>What part of a container's log to read.</summary>
/// <param name="Tail">Only the last N lines; null for all.</param>
/// <param name="Since">Only entries at or after this instant.</param>
/// <param name="Until">Only entries before this instant.</param>
/// <param name="Follow">Keep reading as the file grows until <see cref="K8sFileLogReader.ReadAsync"/>'s stop task
/// completes.</param>
public sealed record LogReadOptions(int? Tail = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null,
    bool Follow = false);
