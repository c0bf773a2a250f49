using System.Buffers;
using System.Text;

namespace ActorPod.Api.Hijack;

/// <summary>The head of an HTTP/1.1 request, parsed from a connection's first bytes without consuming them.</summary>
public sealed record RequestHead(string Method, string Path, string QueryString,
    IReadOnlyDictionary<string, string> Headers, int Length)
{
    const int MaxHead = 64 * 1024;

    public long ContentLength => Headers.TryGetValue("content-length", out var v) && long.TryParse(v, out var n)
        ? n
        : 0;

    public bool Chunked => Headers.TryGetValue("transfer-encoding", out var v)
        && v.Contains("chunked", StringComparison.OrdinalIgnoreCase);

    public bool WantsUpgrade => Headers.TryGetValue("upgrade", out var v) && v.Length > 0;

    /// <summary>True when no head can ever be parsed from this many bytes.</summary>
    public static bool TooLong(in ReadOnlySequence<byte> buffer) => buffer.Length > MaxHead;

    /// <summary>The head, or null while the blank line that ends it has not arrived.</summary>
    public static RequestHead? TryParse(in ReadOnlySequence<byte> buffer)
    {
        var bytes = buffer.Slice(0, Math.Min(buffer.Length, MaxHead)).ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var start = lines[0].Split(' ');
        if (start.Length != 3)
        {
            return new RequestHead("", "", "", new Dictionary<string, string>(), end + 4);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var target = start[1];
        var q = target.IndexOf('?');
        return new RequestHead(start[0], q < 0 ? target : target[..q], q < 0 ? "" : target[q..], headers, end + 4);
    }

    /// <summary>The first line is complete and is not a POST: no hijack, whatever follows.</summary>
    public static bool SurelyNotPost(in ReadOnlySequence<byte> buffer)
    {
        var first = buffer.Slice(0, Math.Min(buffer.Length, 5)).ToArray();
        return first.Length == 5 && !first.AsSpan().SequenceEqual("POST "u8);
    }
}
