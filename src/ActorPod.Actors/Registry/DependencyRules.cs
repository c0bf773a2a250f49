using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Registry;

/// <summary>
/// Dependencies between containers (<c>--requires</c>): only the registry sees every container's state, so it
/// checks them before a command reaches the container.
/// </summary>
public static class DependencyRules
{
    /// <summary>A refusal for the command, or null when dependencies allow it.</summary>
    public static ContainerError? Check(IContainerCommand command, string id,
        IReadOnlyDictionary<string, ContainerInfo> infos)
    {
        if (!infos.TryGetValue(id, out var info))
        {
            return null;
        }

        return command switch
        {
            StartContainer or InitContainer or RestartContainer => NotRunning(info, infos, Verb(command)),
            RemoveContainer => Dependents(info, infos),
            _ => null,
        };
    }

    static string Verb(IContainerCommand command) => command switch
    {
        InitContainer => "init",
        RestartContainer => "restart",
        _ => "start",
    };

    static ContainerError? NotRunning(ContainerInfo info, IReadOnlyDictionary<string, ContainerInfo> infos,
        string verb)
    {
        // A running container's start changes nothing, so it needs no check.
        if (info.Status is ContainerStatus.Running || info.Spec.Requires.Count == 0)
        {
            return null;
        }

        var stopped = info.Spec.Requires
            .Where(r => !infos.TryGetValue(r, out var dep) || dep.Status != ContainerStatus.Running)
            .Select(r => infos.TryGetValue(r, out var dep) ? dep.Name : r)
            .ToList();
        return stopped.Count == 0
            ? null
            : new ContainerError(ErrorKind.InvalidState, info.Id, $"cannot {verb} container {info.Id}: it requires "
                + $"containers that are not running: {string.Join(", ", stopped)}; start them first");
    }

    static ContainerError? Dependents(ContainerInfo info, IReadOnlyDictionary<string, ContainerInfo> infos)
    {
        var dependents = infos.Values.Where(other => other.Spec.Requires.Contains(info.Id))
            .Select(other => other.Name).Order().ToList();
        return dependents.Count == 0
            ? null
            : new ContainerError(ErrorKind.InvalidState, info.Id, $"cannot remove container {info.Id}: containers "
                + $"{string.Join(", ", dependents)} depend on it; remove them first");
    }
}
