using ActorPod.Messages.Replies;

namespace ActorPod.Core.Decisions;

/// <summary>What <see cref="ContainerDecisions.Decide"/> concludes for a command in a state.</summary>
public abstract record Decision;

/// <summary>The command is refused; nothing runs and nothing is persisted.</summary>
public sealed record Refuse(ContainerError Error) : Decision;

/// <summary>The container already is where the command leads (start of a running one): reply, change nothing.</summary>
public sealed record AlreadyDone(string Command) : Decision;

/// <summary>The command is allowed: run <paramref name="Effect"/>, persist what it yields, then reply.</summary>
public sealed record Perform(Effect Effect) : Decision;
