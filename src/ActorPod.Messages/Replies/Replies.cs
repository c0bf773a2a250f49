using ActorPod.Messages.Model;

namespace ActorPod.Messages.Replies;

/// <summary>A command for a container was refused or failed; nothing was persisted.</summary>
public sealed record CommandFailed(ContainerError Error);

/// <summary>A lifecycle command took effect and its events are in the journal.</summary>
/// <param name="ContainerId">Full id of the container.</param>
/// <param name="Command">What was asked: start, stop, kill, remove, ...</param>
/// <param name="Changed">False when the container already was where the command leads (start of a running one).</param>
public sealed record CommandSucceeded(string ContainerId, string Command, bool Changed = true);

/// <summary>A container was created and registered.</summary>
public sealed record CreateSucceeded(string ContainerId, string Name, IReadOnlyList<string> Warnings);

/// <summary>The answer to inspect.</summary>
public sealed record ContainerDetails(ContainerInfo Info);

/// <summary>The answer to a listing.</summary>
public sealed record ContainerList(IReadOnlyList<ContainerInfo> Containers);

/// <summary>A wait condition was met; <paramref name="ExitCode"/> is the last exit code (0 if none yet).</summary>
public sealed record WaitSucceeded(string ContainerId, WaitCondition Condition, int ExitCode, string? Error = null);
