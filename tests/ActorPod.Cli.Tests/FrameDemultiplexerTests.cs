using System.Text;
using ActorPod.Cli.Formatting;

namespace ActorPod.Cli.Tests;

public sealed class FrameDemultiplexerTests
{
    static byte[] Frame(byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var size = BitConverter.GetBytes((uint)payload.Length);
        Array.Reverse(size);
        return [stream, 0, 0, 0, .. size, .. payload];
    }

    /// <summary>A stream that hands out at most a few bytes per read, as a socket may.</summary>
    sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(3, buffer.Length)], ct);
    }

    [Fact]
    public async Task Frames_go_to_their_streams_even_when_read_in_small_pieces()
    {
        var input = new TrickleStream([.. Frame(1, "out1\n"), .. Frame(2, "err\n"), .. Frame(1, "out2\n"),
            .. Frame(0, "")]);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();

        await FrameDemultiplexer.CopyAsync(input, stdout, stderr, CancellationToken.None);

        Assert.Equal("out1\nout2\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal("err\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public async Task A_stream_cut_inside_a_frame_is_an_error()
    {
        var frame = Frame(1, "truncated");
        var input = new MemoryStream(frame[..10]);

        await Assert.ThrowsAsync<EndOfStreamException>(() =>
            FrameDemultiplexer.CopyAsync(input, new MemoryStream(), new MemoryStream(), CancellationToken.None));
    }
}
