using Akka.Actor;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Api.Tests;

/// <summary>An in-memory registry answering the Messages contract the way the real one promises to.</summary>
public sealed class FakeRegistry : ReceiveActor
{
    readonly Dictionary<string, ContainerInfo> _containers = [];
    readonly List<(string Id, IActorRef Waiter)> _waiters = [];

    public FakeRegistry()
    {
        Receive<CreateContainer>(Create);
        Receive<ListContainers>(m => Sender.Tell(new ContainerList(_containers.Values
            .Where(c => m.All || c.Status is ContainerStatus.Running or ContainerStatus.Paused).ToList())));
        Receive<InspectContainer>(m => WithContainer(m, c => new ContainerDetails(c)));
        Receive<StartContainer>(m => WithContainer(m, Start));
        Receive<InitContainer>(m => WithContainer(m, c => Set(c with { Status = ContainerStatus.Created }, "init")));
        Receive<StopContainer>(m => WithContainer(m, c => Exit(c, 137, "stop")));
        Receive<KillContainer>(m => WithContainer(m, c => c.Status == ContainerStatus.Running
            ? Exit(c, 137, "kill")
            : Fail(ErrorKind.InvalidState, $"cannot kill container {c.Id}: it is {StatusNames.Podman(c.Status)}")));
        Receive<RemoveContainer>(m => WithContainer(m, c =>
        {
            _containers.Remove(c.Id);
            return new CommandSucceeded(c.Id, "remove");
        }));
        Receive<WaitContainer>(m => WithContainer(m, c =>
        {
            if (c.Status == ContainerStatus.Stopped && m.Condition == WaitCondition.Stopped)
            {
                return new WaitSucceeded(c.Id, m.Condition, c.ExitCode);
            }

            _waiters.Add((c.Id, Sender));
            return null;
        }));
    }

    void Create(CreateContainer m)
    {
        var name = m.Config.Name ?? "gen_" + _containers.Count;
        if (_containers.Values.Any(c => c.Name == name))
        {
            Sender.Tell(new CommandFailed(new ContainerError(ErrorKind.NameInUse, null,
                $"the container name {name} is already in use")));
            return;
        }

        var id = Core.Naming.ContainerIds.New();
        var args = (m.Config.Entrypoint ?? []).Concat(m.Config.Cmd.Count > 0 ? m.Config.Cmd : ["sh"]).ToList();
        _containers[id] = new ContainerInfo
        {
            Id = id,
            Name = name,
            Status = ContainerStatus.Configured,
            CreatedAt = DateTimeOffset.UtcNow,
            LogPath = m.Config.Labels.GetValueOrDefault("test.logpath"),
            Spec = new ContainerSpec
            {
                Image = m.Config.Image,
                ImageId = FakeImageStore.BusyboxId,
                Args = args,
                Cmd = m.Config.Cmd,
                Env = m.Config.Env,
                Labels = m.Config.Labels,
                Tty = m.Config.Tty,
                Binds = m.Config.Binds,
                NetworkMode = m.Config.NetworkMode,
            },
        };
        Sender.Tell(new CreateSucceeded(id, name, []));
    }

    object Start(ContainerInfo c) => c.Status switch
    {
        ContainerStatus.Running => new CommandSucceeded(c.Id, "start", Changed: false),
        ContainerStatus.Paused => Fail(ErrorKind.InvalidState, $"cannot start container {c.Id}: it is paused"),
        _ => Set(c with { Status = ContainerStatus.Running, StartedAt = DateTimeOffset.UtcNow, Pid = 4242 }, "start"),
    };

    object Exit(ContainerInfo c, int code, string command)
    {
        var reply = Set(c with { Status = ContainerStatus.Stopped, ExitCode = code, Pid = 0,
            FinishedAt = DateTimeOffset.UtcNow }, command);
        foreach (var (id, waiter) in _waiters.Where(w => w.Id == c.Id).ToList())
        {
            waiter.Tell(new WaitSucceeded(id, WaitCondition.Stopped, code));
            _waiters.Remove((id, waiter));
        }

        return reply;
    }

    CommandSucceeded Set(ContainerInfo c, string command)
    {
        _containers[c.Id] = c;
        return new CommandSucceeded(c.Id, command);
    }

    static CommandFailed Fail(ErrorKind kind, string message) => new(new ContainerError(kind, null, message));

    void WithContainer(IContainerCommand command, Func<ContainerInfo, object?> handle)
    {
        var matches = _containers.Values.Where(c => c.Name == command.ContainerId
            || c.Id.StartsWith(command.ContainerId, StringComparison.Ordinal)).ToList();
        object? reply = matches.Count == 1
            ? handle(matches[0])
            : new CommandFailed(ContainerError.NotFound(command.ContainerId));
        if (reply is not null)
        {
            Sender.Tell(reply);
        }
    }
}
