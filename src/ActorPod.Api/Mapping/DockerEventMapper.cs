using ActorPod.Actors.Events;
using ActorPod.Api.Dto;
using ActorPod.Messages.Events;

namespace ActorPod.Api.Mapping;

/// <summary>
/// Journaled container events in Docker's words: create, start, kill, die (with exitCode), stop, pause, unpause,
/// destroy, restart (a policy restart), exec_start and exec_die. podman's init is kept as "init". Events Docker
/// has no word for are not shown.
/// </summary>
public static class DockerEventMapper
{
    public static EventMessage? ToDocker(ContainerEventPublished published)
    {
        var evt = published.Event;
        var attributes = new Dictionary<string, string> { ["name"] = published.Name, ["image"] = published.Image };
        var action = evt switch
        {
            ContainerCreated => "create",
            ContainerInitialized => "init",
            ContainerStarted => "start",
            ContainerStopRequested => "stop",
            ContainerKilled k => Killed(attributes, k.Signal),
            ContainerExited e => Died(attributes, e.ExitCode),
            ContainerPaused => "pause",
            ContainerUnpaused => "unpause",
            ContainerRemoved => "destroy",
            ContainerRestartScheduled => "restart",
            ExecSessionStarted e => Exec(attributes, e.ExecId, e.Args, "exec_start"),
            ExecSessionEnded e => ExecDied(attributes, e.ExecId, e.ExitCode),
            _ => null,
        };

        if (action is null)
        {
            return null;
        }

        var nanos = (evt.At - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new EventMessage
        {
            Status = action,
            Id = evt.ContainerId,
            From = published.Image,
            Action = action,
            Actor = new EventActor(evt.ContainerId, attributes),
            Time = evt.At.ToUnixTimeSeconds(),
            TimeNano = nanos,
        };
    }

    /// <summary>Docker names the command in the action itself: <c>exec_start: sh -c ...</c>.</summary>
    static string Exec(Dictionary<string, string> attributes, string execId, IReadOnlyList<string> args,
        string action)
    {
        attributes["execID"] = execId;
        return $"{action}: {string.Join(' ', args)}";
    }

    static string ExecDied(Dictionary<string, string> attributes, string execId, int exitCode)
    {
        attributes["execID"] = execId;
        attributes["exitCode"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "exec_die";
    }

    static string Killed(Dictionary<string, string> attributes, int signal)
    {
        attributes["signal"] = signal.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "kill";
    }

    static string Died(Dictionary<string, string> attributes, int exitCode)
    {
        attributes["exitCode"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "die";
    }
}
