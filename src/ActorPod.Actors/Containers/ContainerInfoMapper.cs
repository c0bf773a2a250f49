using ActorPod.Core.State;
using ActorPod.Messages.Model;

namespace ActorPod.Actors.Containers;

/// <summary>Turns the journaled state into the <see cref="ContainerInfo"/> callers see.</summary>
public static class ContainerInfoMapper
{
    public static ContainerInfo ToInfo(ContainerState state, string node, bool busy) => new()
    {
        Id = state.Id,
        Name = state.Name,
        Status = state.Status,
        Spec = state.Spec!,
        CreatedAt = state.CreatedAt,
        StartedAt = state.StartedAt,
        FinishedAt = state.FinishedAt,
        Pid = state.Pid,
        ExitCode = state.ExitCode,
        Error = state.Error,
        RestartCount = state.RestartCount,
        Restarting = state.Restarting,
        LogPath = state.LogPath,
        BundlePath = state.BundlePath,
        Node = node,
        ExecIds = state.ExecIds,
        Busy = busy,
    };
}
