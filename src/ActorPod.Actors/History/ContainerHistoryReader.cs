using ActorPod.Actors.Serialization;
using ActorPod.Messages.Events;
using ActorPod.Messages.Replies;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorPod.Actors.History;

/// <summary>
/// Reads a container's journal through Akka.Persistence.Query's SQL read journal: the events as they were
/// written, not the actor's idea of them.
/// </summary>
public static class ContainerHistoryReader
{
    public const string ReadJournalId = "akka.persistence.query.journal.sql";

    public static async Task<ContainerHistory> ReadAsync(ActorSystem system, string persistenceId, string containerId)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<ICurrentEventsByPersistenceIdQuery>(ReadJournalId);
        var entries = await journal.CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue)
            .Where(envelope => envelope.Event is IContainerEvent)
            .Select(envelope => ToEntry(envelope.SequenceNr, (IContainerEvent)envelope.Event))
            .RunWith(Sink.Seq<HistoryEntry>(), system.Materializer());
        return new ContainerHistory(containerId, entries);
    }

    static HistoryEntry ToEntry(long sequence, IContainerEvent evt) =>
        new(sequence, JournalManifests.ManifestOf(evt.GetType()), evt.At, HistoryDetails.Describe(evt));
}
