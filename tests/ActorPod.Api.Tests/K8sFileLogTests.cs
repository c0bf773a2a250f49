using ActorPod.Oci.Logs;

namespace ActorPod.Api.Tests;

public sealed class K8sFileLogTests
{
    [Fact]
    public void Parses_a_full_line_with_nanosecond_timestamp()
    {
        var entry = K8sFileLogParser.ParseLine("2026-12-03T16:51:15.123456789+00:00 stdout F text with  spaces");

        Assert.NotNull(entry);
        Assert.Equal(LogStream.Stdout, entry.Stream);
        Assert.Equal("text with  spaces\n", entry.Content);
        Assert.False(entry.Partial);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 16, 51, 15, TimeSpan.Zero).AddTicks(1234567), entry.Timestamp);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2026-12-03T16:51:15Z stdin F x")]
    [InlineData("2026-12-03T16:51:15Z stdout X x")]
    public void Rejects_malformed_lines(string line) => Assert.Null(K8sFileLogParser.ParseLine(line));

    [Fact]
    public void Parses_timestamps_with_offset()
    {
        Assert.True(K8sFileLogParser.TryParseTimestamp("2026-12-03T18:00:00.5+02:00", out var at));

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 16, 0, 0, 500, TimeSpan.Zero), at);
    }

    [Fact]
    public async Task Follow_reads_lines_appended_until_stopped()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "2026-12-03T16:51:15Z stdout F one\n");
        var stopped = new TaskCompletionSource();
        var seen = new List<string>();

        var reading = Task.Run(async () =>
        {
            await foreach (var e in K8sFileLogReader.ReadAsync(path, new LogReadOptions(Follow: true), stopped.Task,
                               CancellationToken.None))
            {
                seen.Add(e.Content);
            }
        });
        await Task.Delay(200);
        await File.AppendAllTextAsync(path, "2026-12-03T16:51:16Z stdout P tw");
        await Task.Delay(200);
        await File.AppendAllTextAsync(path, "\n2026-12-03T16:51:16Z stdout F o\n");
        stopped.SetResult();
        await reading.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["one\n", "two\n"], seen);
        File.Delete(path);
    }
}
