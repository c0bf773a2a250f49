using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Exec;

/// <summary>Where an exec session is in its life, as its container sees it.</summary>
public enum ExecPhase
{
    Created,
    Starting,
    Running,
    Ended,
}

/// <summary>A container's memory of one exec session, live or ended: what inspect answers from.</summary>
public sealed record ExecRecord(string ExecId, CreateExec Config, ExecPhase Phase, IActorRef Session)
{
    public int Pid { get; init; }

    public int? ExitCode { get; init; }

    public string? Reason { get; init; }

    public ExecDetails ToDetails() => new(Config.ContainerId, ExecId, Config.Args, Config.Tty,
        Config.User ?? "", Config.Privileged, Config.AttachStdin, Config.AttachStdout, Config.AttachStderr,
        Phase == ExecPhase.Running, Phase == ExecPhase.Running ? Pid : 0, ExitCode, Reason);
}
