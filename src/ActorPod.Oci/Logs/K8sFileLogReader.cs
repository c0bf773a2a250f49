using System.Runtime.CompilerServices;
using System.Text;

namespace ActorPod.Oci.Logs;

/// <summary>
/// Reads a k8s-file log as a sequence of entries, joining partial lines, and optionally follows the file while
/// conmon appends to it.
/// </summary>
public static class K8sFileLogReader
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Yields the entries selected by <paramref name="options"/>. When following, the file is polled for growth
    /// until <paramref name="stopped"/> completes (the container exited); what was written before is still read.
    /// </summary>
    public static async IAsyncEnumerable<LogEntry> ReadAsync(string path, LogReadOptions options, Task? stopped,
        [EnumeratorCancellation] CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
        var lines = new LineSplitter();
        var joiner = new PartialJoiner();

        var backlog = new List<LogEntry>();
        await foreach (var line in lines.ReadAvailableAsync(file, ct))
        {
            if (joiner.Add(line) is { } entry && Selected(entry, options))
            {
                backlog.Add(entry);
            }
        }

        if (!options.Follow)
        {
            backlog.AddRange(joiner.Flush().Where(entry => Selected(entry, options)));
        }

        var start = options.Tail is { } tail ? Math.Max(0, backlog.Count - tail) : 0;
        for (var i = start; i < backlog.Count; i++)
        {
            yield return backlog[i];
        }

        if (!options.Follow)
        {
            yield break;
        }

        // Read once more after the stop so the lines written just before the exit are not lost.
        var lastRound = false;
        while (!lastRound)
        {
            lastRound = stopped is null || stopped.IsCompleted;
            if (!lastRound)
            {
                await Task.WhenAny(Task.Delay(PollInterval, ct), stopped!);
                ct.ThrowIfCancellationRequested();
            }

            await foreach (var line in lines.ReadAvailableAsync(file, ct))
            {
                if (joiner.Add(line) is { } entry && Selected(entry, options))
                {
                    yield return entry;
                }
            }
        }

        // Output that ended without a newline is still output.
        foreach (var entry in joiner.Flush().Where(entry => Selected(entry, options)))
        {
            yield return entry;
        }
    }

    static bool Selected(LogEntry entry, LogReadOptions options) =>
        (options.Since is null || entry.Timestamp >= options.Since)
        && (options.Until is null || entry.Timestamp < options.Until);

    /// <summary>Splits bytes into lines, holding an unfinished last line back until its newline arrives.</summary>
    sealed class LineSplitter
    {
        readonly MemoryStream _pending = new();
        readonly byte[] _buffer = new byte[64 * 1024];

        public async IAsyncEnumerable<string> ReadAvailableAsync(FileStream file,
            [EnumeratorCancellation] CancellationToken ct)
        {
            int read;
            while ((read = await file.ReadAsync(_buffer, ct)) > 0)
            {
                var from = 0;
                for (var i = 0; i < read; i++)
                {
                    if (_buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    _pending.Write(_buffer, from, i - from);
                    yield return Encoding.UTF8.GetString(_pending.GetBuffer(), 0, (int)_pending.Length);
                    _pending.SetLength(0);
                    from = i + 1;
                }

                _pending.Write(_buffer, from, read - from);
            }
        }
    }

    /// <summary>Joins <c>P</c> lines with the following lines of the same stream into one entry.</summary>
    sealed class PartialJoiner
    {
        readonly Dictionary<LogStream, StringBuilder> _partials = [];
        readonly Dictionary<LogStream, LogEntry> _firsts = [];

        /// <summary>The partial lines still waiting for their end, as entries of their own.</summary>
        public IEnumerable<LogEntry> Flush()
        {
            var pending = _firsts.Select(first => first.Value with
            {
                Content = _partials[first.Key].ToString(), Partial = false,
            }).OrderBy(entry => entry.Timestamp).ToList();
            _partials.Clear();
            _firsts.Clear();
            return pending;
        }

        public LogEntry? Add(string line)
        {
            if (K8sFileLogParser.ParseLine(line) is not { } entry)
            {
                return null;
            }

            if (entry.Partial)
            {
                if (!_partials.TryGetValue(entry.Stream, out var sb))
                {
                    _partials[entry.Stream] = sb = new StringBuilder();
                    _firsts[entry.Stream] = entry;
                }

                sb.Append(entry.Content);
                return null;
            }

            if (_partials.Remove(entry.Stream, out var head))
            {
                _firsts.Remove(entry.Stream);
                return entry with { Content = head.Append(entry.Content).ToString() };
            }

            return entry;
        }
    }
}
