using ActorPod.Oci.Attach;

namespace ActorPod.Actors.Attach;

/// <summary>The two loops of an attach stream. They run as tasks and never touch the actor.</summary>
static class AttachPumps
{
    /// <summary>Copies conmon's output frames to the client until conmon closes the stream.</summary>
    public static async Task OutputAsync(IAttachChannel channel, IAttachClient client, CancellationToken ct)
    {
        while (await channel.ReadAsync(ct) is { } frame)
        {
            await client.WriteAsync(frame.Stream, frame.Data, ct);
        }
    }

    /// <summary>
    /// Copies the client's stdin to the process, holding back what may be the detach keys. Returns Detached when
    /// they were typed, null when the client closed its write side (the process's stdin is closed then).
    /// </summary>
    public static async Task<AttachEnd?> InputAsync(IAttachChannel channel, IAttachClient client, byte[] keys,
        CancellationToken ct)
    {
        var matcher = new DetachKeyMatcher(keys);
        var buffer = new byte[8192];
        while (true)
        {
            var n = await client.ReadInputAsync(buffer, ct);
            if (n == 0)
            {
                var pending = matcher.Pending();
                if (pending.Length > 0)
                {
                    await channel.WriteStdinAsync(pending, ct);
                }

                await channel.CloseStdinAsync();
                return null;
            }

            var forward = matcher.Feed(buffer.AsSpan(0, n));
            if (forward.Length > 0)
            {
                await channel.WriteStdinAsync(forward, ct);
            }

            if (matcher.Detached)
            {
                return AttachEnd.Detached;
            }
        }
    }
}
