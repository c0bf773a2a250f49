using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorPod.Messages.Events;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorPod.Actors.Events;

/// <summary>
/// Container events for <c>GET /events</c>: the past from the journal (so history survives a restart), then live
/// ones from the event stream. A reader subscribes before it reads the journal, so nothing falls between the two;
/// what shows up in both is passed on once.
/// </summary>
public sealed class ContainerEventFeed(ActorSystem system)
{
    const string ContainerPrefix = "container-";

    /// <summary>Events with <c>since &lt;= At &lt; until</c>; with <paramref name="follow"/>, live ones too until
    /// <paramref name="until"/> passes or the caller cancels. Without <paramref name="since"/> the journal is not
    /// read: like Docker, only what happens from now on is shown.</summary>
    public async IAsyncEnumerable<ContainerEventPublished> ReadAsync(DateTimeOffset? since, DateTimeOffset? until,
        bool follow, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<ContainerEventPublished>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        var forwarder = follow ? system.ActorOf(EventForwarder.Props(channel.Writer)) : null;
        try
        {
            var seen = new HashSet<(string, DateTimeOffset, Type)>();
            var history = since is null ? [] : await HistoryAsync(ct);
            foreach (var evt in history)
            {
                if (InWindow(evt.Event.At, since, until))
                {
                    seen.Add(Key(evt));
                    yield return evt;
                }
            }

            if (forwarder is null || (until is not null && until <= DateTimeOffset.UtcNow))
            {
                yield break;
            }

            await foreach (var evt in LiveAsync(channel.Reader, until, ct))
            {
                if (InWindow(evt.Event.At, since, until) && !seen.Contains(Key(evt)))
                {
                    yield return evt;
                }
            }
        }
        finally
        {
            forwarder?.Tell(PoisonPill.Instance);
        }
    }

    static (string, DateTimeOffset, Type) Key(ContainerEventPublished evt) =>
        (evt.Event.ContainerId, evt.Event.At, evt.Event.GetType());

    static bool InWindow(DateTimeOffset at, DateTimeOffset? since, DateTimeOffset? until) =>
        (since is null || at >= since) && (until is null || at < until);

    static async IAsyncEnumerable<ContainerEventPublished> LiveAsync(ChannelReader<ContainerEventPublished> reader,
        DateTimeOffset? until, [EnumeratorCancellation] CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (until is not null)
        {
            deadline.CancelAfter(until.Value - DateTimeOffset.UtcNow);
        }

        while (true)
        {
            ContainerEventPublished evt;
            try
            {
                evt = await reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                yield break;
            }

            yield return evt;
        }
    }

    /// <summary>Every container event in the journal, in journal order, with the name and image of its
    /// container taken from its creation event.</summary>
    async Task<List<ContainerEventPublished>> HistoryAsync(CancellationToken ct)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentAllEvents(Offset.NoOffset())
            .Where(e => e.PersistenceId.StartsWith(ContainerPrefix, StringComparison.Ordinal))
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());

        var created = new Dictionary<string, ContainerCreated>();
        var events = new List<ContainerEventPublished>();
        foreach (var envelope in envelopes)
        {
            ct.ThrowIfCancellationRequested();
            if (envelope.Event is not IContainerEvent evt)
            {
                continue;
            }

            if (evt is ContainerCreated c)
            {
                created[c.ContainerId] = c;
            }

            var origin = created.GetValueOrDefault(evt.ContainerId);
            events.Add(new ContainerEventPublished(evt, origin?.Name ?? "", origin?.Spec.Image ?? ""));
        }

        return events;
    }
}
