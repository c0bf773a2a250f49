namespace ActorPod.Core.Decisions;

/// <summary>Work in the runtime that a command needs. The actor runs it off its mailbox and pipes the result
/// back.</summary>
public abstract record Effect(string Command);

/// <summary>Create the container in the runtime: bundle, conmon, <c>runc create</c>.</summary>
/// <param name="CleanupFirst">The container ran before: delete the old runtime state before creating anew.</param>
public sealed record InitEffect(bool CleanupFirst) : Effect("init");

/// <summary>Start the process, creating it in the runtime first when <paramref name="InitFirst"/>.</summary>
public sealed record StartEffect(bool InitFirst, bool CleanupFirst) : Effect("start");

/// <summary>Send <paramref name="Signal"/>, wait up to <paramref name="TimeoutSeconds"/> for the exit, then
/// SIGKILL.</summary>
public sealed record StopEffect(int Signal, int TimeoutSeconds, bool ThawFirst) : Effect("stop");

/// <summary>Deliver <paramref name="Signal"/> to the container's process.</summary>
public sealed record KillEffect(int Signal) : Effect("kill");

/// <summary>Freeze the container.</summary>
public sealed record PauseEffect() : Effect("pause");

/// <summary>Thaw the container.</summary>
public sealed record UnpauseEffect() : Effect("unpause");

/// <summary>Remove runtime state and storage, killing the process first when <paramref name="KillFirst"/>.</summary>
public sealed record RemoveEffect(bool KillFirst, bool ThawFirst) : Effect("remove");

/// <summary>Stop as <see cref="StopEffect"/> does, then start again once the exit is journaled.</summary>
public sealed record RestartEffect(StopEffect Stop) : Effect("restart");

/// <summary><c>runc delete</c> of an exited container and the release of its storage mount.</summary>
public sealed record CleanupEffect() : Effect("cleanup");

/// <summary>Drop one mount of the container's root file system.</summary>
public sealed record UnmountEffect() : Effect("unmount");
