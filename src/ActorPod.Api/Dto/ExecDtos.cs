using ActorPod.Messages.Replies;

namespace ActorPod.Api.Dto;

/// <summary>Body of <c>POST /containers/{id}/exec</c>.</summary>
public sealed record ExecCreateRequest
{
    public List<string>? Cmd { get; init; }

    public List<string>? Env { get; init; }

    public string? User { get; init; }

    public string? WorkingDir { get; init; }

    public bool Tty { get; init; }

    public bool AttachStdin { get; init; }

    public bool AttachStdout { get; init; }

    public bool AttachStderr { get; init; }

    public bool Privileged { get; init; }

    public string? DetachKeys { get; init; }
}

/// <summary>Body of <c>POST /exec/{id}/start</c>.</summary>
public sealed record ExecStartRequest
{
    public bool Detach { get; init; }

    public bool Tty { get; init; }

    public List<int>? ConsoleSize { get; init; }
}

/// <summary>Reply to exec create.</summary>
public sealed record ExecCreateResponse(string Id);

/// <summary>Docker's ProcessConfig of an exec inspect.</summary>
public sealed record ExecProcessConfig(string Entrypoint, IReadOnlyList<string> Arguments, bool Tty, string User,
    bool Privileged);

/// <summary>Reply to <c>GET /exec/{id}/json</c>.</summary>
public sealed record ExecInspectResponse(string ID, bool Running, int? ExitCode, int Pid,
    ExecProcessConfig ProcessConfig, bool OpenStdin, bool OpenStdout, bool OpenStderr, string ContainerID,
    bool CanRemove, string? DetachKeys, string? Reason)
{
    public static ExecInspectResponse From(ExecDetails d) => new(d.ExecId, d.Running, d.ExitCode, d.Pid,
        new ExecProcessConfig(d.Args.Count > 0 ? d.Args[0] : "", [.. d.Args.Skip(1)], d.Tty, d.User, d.Privileged),
        d.AttachStdin, d.AttachStdout, d.AttachStderr, d.ContainerId, !d.Running, null, d.Reason);
}
