using System.Text;

namespace ActorPod.Oci.Exec;

/// <summary>Reads conmon's one-line JSON messages from a pipe, with a timeout.</summary>
internal static class PipeLines
{
    /// <summary>
    /// The next line, or null when conmon closed the pipe first. Reads a byte at a time so nothing past the line is
    /// buffered away from the next read (the sync pipe carries two messages, read at different times).
    /// </summary>
    public static async Task<string?> ReadLineAsync(Stream pipe, TimeSpan? timeout, CancellationToken ct)
    {
        // Pipe reads are not cancellable everywhere, so the timeout races the read instead of cancelling it.
        var read = ReadAsync(pipe);
        if (timeout is null)
        {
            return await read.WaitAsync(ct);
        }

        var delay = Task.Delay(timeout.Value, ct);
        if (await Task.WhenAny(read, delay) != read)
        {
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"conmon sent nothing within {timeout.Value.TotalSeconds} s");
        }

        return await read;
    }

    private static async Task<string?> ReadAsync(Stream pipe)
    {
        var line = new List<byte>(64);
        var one = new byte[1];
        while (true)
        {
            var n = await pipe.ReadAsync(one, CancellationToken.None);
            if (n == 0)
            {
                return line.Count == 0 ? null : Encoding.UTF8.GetString([.. line]);
            }

            if (one[0] == (byte)'\n')
            {
                return Encoding.UTF8.GetString([.. line]);
            }

            line.Add(one[0]);
        }
    }
}
