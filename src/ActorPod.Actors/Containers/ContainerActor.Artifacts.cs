using ActorPod.Core.Naming;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    void ArtifactCommands()
    {
        Command<AddArtifact>(msg => OnArtifact(msg.Name, dir => ArtifactFiles.WriteAsync(dir, Id, msg.Name, msg.Data)));
        Command<GetArtifact>(msg => OnArtifact(msg.Name, dir => ArtifactFiles.ReadAsync(dir, Id, msg.Name)));
        Command<RemoveArtifact>(msg => OnArtifact(msg.Name, dir => ArtifactFiles.DeleteAsync(dir, Id, msg.Name)));
    }

    /// <summary>
    /// Artifacts live in the container's directory, which removal deletes. The file work runs as a task that
    /// answers the caller itself; it only sees the directory path, never the actor.
    /// </summary>
    void OnArtifact(string name, Func<string, Task<object>> work)
    {
        if (!_state.Exists || _state.Status == ContainerStatus.Removing)
        {
            Sender.Tell(new CommandFailed(ContainerError.NotFound(Id)));
            return;
        }

        if (ArtifactNames.Problem(name) is { } problem)
        {
            Sender.Tell(new CommandFailed(ContainerError.InvalidArgument(Id,
                $"container {Id}: invalid artifact name \"{ArtifactNames.Printable(name)}\": {problem}")));
            return;
        }

        var id = Id;
        string directory;
        try
        {
            directory = Path.Join(_deps.Storage.ContainerDirectory(id), "artifacts");
        }
        catch (Exception ex)
        {
            Sender.Tell(new CommandFailed(AsError(id, ex)));
            return;
        }

        Task.Run(() => work(directory)).PipeTo(Sender, failure: ex => new CommandFailed(AsError(id, ex)));
    }
}
