using ActorPod.Actors.History;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using Akka.Actor;

namespace ActorPod.Actors.Containers;

public sealed partial class ContainerActor
{
    /// <summary>Answered even while busy: the query reads the journal, never the actor's fields.</summary>
    void HistoryQueries() => Command<GetContainerHistory>(_ =>
    {
        var id = Id;
        ContainerHistoryReader.ReadAsync(Context.System, PersistenceId, id).PipeTo(Sender,
            failure: ex => new CommandFailed(ContainerError.RuntimeFailed(id,
                $"reading the journal of container {id}: {ex.Message}")));
    });
}
