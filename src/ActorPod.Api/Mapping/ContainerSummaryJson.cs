using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Messages.Model;

namespace ActorPod.Api.Mapping;

/// <summary>
/// Each container's list entry (<c>GET /containers/json</c>) serialized once and reused while the container is
/// unchanged: the registry hands out the same immutable <see cref="ContainerInfo"/> until the container changes,
/// and the one part that moves with the clock, the status text, is compared on every use. A listing of a thousand
/// containers is then a thousand copies instead of a thousand serializations. Containers of other nodes arrive as
/// new objects with every listing and are serialized each time.
/// </summary>
public sealed class ContainerSummaryJson
{
    readonly ConcurrentDictionary<string, Entry> _entries = new();

    /// <summary>How many containers have an entry kept.</summary>
    internal int Count => _entries.Count;

    /// <summary>Writes <paramref name="rows"/> as a JSON array into <paramref name="buffer"/>.</summary>
    public void WriteArray(IReadOnlyList<ContainerInfo> rows, DateTimeOffset now, IBufferWriter<byte> buffer)
    {
        Write(buffer, "["u8);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                Write(buffer, ","u8);
            }

            Write(buffer, EntryFor(rows[i], now));
        }

        Write(buffer, "]"u8);
    }

    /// <summary>Forgets the entries of containers that are no longer listed, once they are a fair share.</summary>
    public void Prune(IReadOnlyCollection<ContainerInfo> listed)
    {
        if (_entries.Count <= listed.Count + 64)
        {
            return;
        }

        var live = listed.Select(c => c.Id).ToHashSet();
        foreach (var id in _entries.Keys.Where(id => !live.Contains(id)))
        {
            _entries.TryRemove(id, out _);
        }
    }

    ReadOnlySpan<byte> EntryFor(ContainerInfo info, DateTimeOffset now)
    {
        var status = ContainerMapper.StatusText(info, now);
        if (_entries.TryGetValue(info.Id, out var cached) && ReferenceEquals(cached.Info, info) &&
            cached.Status == status)
        {
            return cached.Json;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(ContainerMapper.ToSummary(info, status),
            ApiJsonContext.Default.ContainerSummary);
        _entries[info.Id] = new Entry(info, status, json);
        return json;
    }

    static void Write(IBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }

    sealed record Entry(ContainerInfo Info, string Status, byte[] Json);
}
