namespace ActorPod.Oci.Attach;

/// <summary>
/// Watches the stdin bytes of an attach client for its detach sequence. Bytes that might start the sequence are
/// held back; they are let through when the sequence breaks, and dropped when it completes. Not thread-safe: one
/// per stdin pump.
/// </summary>
public sealed class DetachKeyMatcher(byte[] sequence)
{
    private readonly byte[] _sequence = sequence.Length > 0
        ? sequence
        : throw new ArgumentException("a detach sequence needs at least one key", nameof(sequence));

    private int _matched;

    /// <summary>True once the whole sequence was typed; later input is ignored.</summary>
    public bool Detached { get; private set; }

    /// <summary>
    /// Consumes <paramref name="input"/>; returns the bytes to forward to the process. Once the sequence completes,
    /// <see cref="Detached"/> turns true and nothing after it is forwarded.
    /// </summary>
    public byte[] Feed(ReadOnlySpan<byte> input)
    {
        var output = new List<byte>(input.Length + _matched);
        foreach (var b in input)
        {
            if (Detached)
            {
                break;
            }

            Step(b, output);
        }

        return [.. output];
    }

    private void Step(byte b, List<byte> output)
    {
        if (b == _sequence[_matched])
        {
            _matched++;
            Detached = _matched == _sequence.Length;
            return;
        }

        if (_matched == 0)
        {
            output.Add(b);
            return;
        }

        // The held prefix was ordinary input after all: let its first byte through and look again at the rest,
        // which may still start the sequence (e.g. "aab" typed as "aaab").
        byte[] replay = [.. _sequence.AsSpan(1, _matched - 1), b];
        output.Add(_sequence[0]);
        _matched = 0;
        foreach (var again in replay)
        {
            Step(again, output);
        }
    }

    /// <summary>Bytes held back as a possible start of the sequence, to be flushed when stdin ends.</summary>
    public byte[] Pending() => Detached ? [] : _sequence[.._matched];
}
