using ActorPod.Api.Dto;
using ActorPod.Messages.Model;

namespace ActorPod.Api.Mapping;

/// <summary>Shapes the supervisor's <see cref="ContainerInfo"/> into Docker's inspect and list objects.</summary>
public static class ContainerMapper
{
    public static ContainerInspect ToInspect(ContainerInfo info)
    {
        var spec = info.Spec;
        return new ContainerInspect
        {
            Id = info.Id,
            Created = Rfc3339.Format(info.CreatedAt),
            Path = spec.Args.Count > 0 ? spec.Args[0] : "",
            Args = spec.Args.Skip(1).ToList(),
            State = ToState(info),
            Image = "sha256:" + spec.ImageId,
            Name = "/" + info.Name,
            RestartCount = info.RestartCount,
            LogPath = info.LogPath ?? "",
            HostConfig = new HostConfigDto
            {
                Binds = spec.Binds.Select(FormatBind).ToList(),
                NetworkMode = spec.NetworkMode,
                AutoRemove = spec.AutoRemove,
                RestartPolicy = new RestartPolicyDto(spec.RestartPolicy.Name, spec.RestartPolicy.MaximumRetryCount),
            },
            Config = new ConfigDto
            {
                Hostname = spec.Hostname,
                User = spec.User,
                Env = spec.Env,
                Cmd = spec.Cmd,
                Entrypoint = spec.Entrypoint,
                Image = spec.Image,
                WorkingDir = spec.WorkingDir,
                Labels = spec.Labels,
                Tty = spec.Tty,
                OpenStdin = spec.OpenStdin,
                StopSignal = spec.StopSignal,
                StopTimeout = spec.StopTimeout,
            },
            Mounts = Mounts(spec),
            ExecIDs = info.ExecIds,
            Requires = spec.Requires,
            Node = info.Node,
        };
    }

    public static ContainerSummary ToSummary(ContainerInfo info, DateTimeOffset now) =>
        ToSummary(info, StatusText(info, now));

    /// <summary>The list entry with its status text already worked out.</summary>
    public static ContainerSummary ToSummary(ContainerInfo info, string status) => new()
    {
        Id = info.Id,
        Names = ["/" + info.Name],
        Image = info.Spec.Image,
        ImageID = "sha256:" + info.Spec.ImageId,
        Command = string.Join(' ', info.Spec.Args),
        Created = info.CreatedAt.ToUnixTimeSeconds(),
        State = StatusNames.Docker(info.Status),
        Status = status,
        Labels = info.Spec.Labels,
        Mounts = Mounts(info.Spec),
        HostConfig = new HostConfigSummary(info.Spec.NetworkMode),
        Node = info.Node,
    };

    /// <summary>Docker's list status: "Up 5 seconds", "Exited (3) 2 seconds ago", "Created".</summary>
    public static string StatusText(ContainerInfo info, DateTimeOffset now) => info.Status switch
    {
        ContainerStatus.Running => "Up " + Since(info.StartedAt, now),
        ContainerStatus.Paused => "Up " + Since(info.StartedAt, now) + " (Paused)",
        ContainerStatus.Stopped => $"Exited ({info.ExitCode}) {Since(info.FinishedAt, now)} ago",
        ContainerStatus.Removing => "Removal In Progress",
        ContainerStatus.Configured or ContainerStatus.Created => "Created",
        ContainerStatus.Unknown when info.LastKnownStatus is { } last and not ContainerStatus.Unknown =>
            $"Unknown (node {info.Node} unreachable; last known: {StatusText(info with { Status = last }, now)})",
        _ => "Dead",
    };

    static string Since(DateTimeOffset? at, DateTimeOffset now) =>
        HumanDuration.Format(at is { } t ? now - t : TimeSpan.Zero);

    static ContainerStateDto ToState(ContainerInfo info) => new()
    {
        Status = info.Restarting ? "restarting" : StatusNames.Docker(info.Status),
        Restarting = info.Restarting,
        Running = info.Status is ContainerStatus.Running or ContainerStatus.Paused,
        Paused = info.Status == ContainerStatus.Paused,
        Dead = info.Status is ContainerStatus.Removed or ContainerStatus.Unknown,
        Pid = info.Pid,
        ExitCode = info.ExitCode,
        Error = info.Error ?? "",
        StartedAt = Rfc3339.Format(info.StartedAt),
        FinishedAt = Rfc3339.Format(info.FinishedAt),
    };

    static string FormatBind(BindMount b) => $"{b.Source}:{b.Destination}" + (b.ReadOnly ? ":ro" : "");

    static List<MountDto> Mounts(ContainerSpec spec) =>
        spec.Binds.Select(b => new MountDto("bind", b.Source, b.Destination, b.ReadOnly ? "ro" : "", !b.ReadOnly))
            .ToList();
}
