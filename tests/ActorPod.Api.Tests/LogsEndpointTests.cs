using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ActorPod.Api.Tests;

public sealed class LogsEndpointTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    async Task<string> ContainerWithLogAsync(string name, bool tty)
    {
        var logPath = Path.Combine(api.Dir, name + ".log");
        await File.WriteAllTextAsync(logPath,
            "2026-12-03T16:51:15.123456789+00:00 stdout F hello\n" +
            "2026-12-03T16:51:16.000000001+00:00 stderr P par\n" +
            "2026-12-03T16:51:16.000000002+00:00 stderr F tial\n" +
            "2026-12-03T16:51:17.5+00:00 stdout F bye\n");
        var response = await api.Client.PostAsJsonAsync($"/containers/create?name={name}", new
        {
            Image = "busybox", Tty = tty, Labels = new Dictionary<string, string> { ["test.logpath"] = logPath },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    static List<(byte Stream, string Text)> Demux(byte[] bytes)
    {
        var frames = new List<(byte, string)>();
        for (var at = 0; at < bytes.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 4));
            frames.Add((bytes[at], Encoding.UTF8.GetString(bytes, at + 8, size)));
            at += 8 + size;
        }

        return frames;
    }

    [Fact]
    public async Task Logs_without_tty_are_multiplexed_frames_with_partials_joined()
    {
        var name = await ContainerWithLogAsync("framed", tty: false);

        var bytes = await api.Client.GetByteArrayAsync($"/v1.47/containers/{name}/logs?stdout=1&stderr=1");

        Assert.Equal([(1, "hello\n"), (2, "partial\n"), (1, "bye\n")], Demux(bytes));
    }

    [Fact]
    public async Task Logs_select_streams_tail_and_timestamps()
    {
        var name = await ContainerWithLogAsync("tailed", tty: false);

        var stdoutOnly = Demux(await api.Client.GetByteArrayAsync($"/containers/{name}/logs?stdout=1"));
        var tail = Demux(await api.Client.GetByteArrayAsync($"/containers/{name}/logs?stdout=1&stderr=1&tail=1"));
        var stamped = Demux(await api.Client.GetByteArrayAsync($"/containers/{name}/logs?stdout=1&timestamps=1"));

        Assert.Equal(["hello\n", "bye\n"], stdoutOnly.Select(f => f.Text));
        Assert.Equal([(1, "bye\n")], tail);
        Assert.Equal("2026-12-03T16:51:15.123456789+00:00 hello\n", stamped[0].Text);
    }

    [Fact]
    public async Task Logs_since_filters_by_time()
    {
        var name = await ContainerWithLogAsync("since", tty: false);

        var frames = Demux(await api.Client.GetByteArrayAsync(
            $"/containers/{name}/logs?stdout=1&stderr=1&since=2026-12-03T16:51:17Z"));

        Assert.Equal([(1, "bye\n")], frames);
    }

    [Fact]
    public async Task Logs_with_tty_are_raw()
    {
        var name = await ContainerWithLogAsync("raw", tty: true);

        var text = await api.Client.GetStringAsync($"/containers/{name}/logs?stdout=1&stderr=1");

        Assert.Equal("hello\npartial\nbye\n", text);
    }

    [Fact]
    public async Task Logs_without_streams_is_400()
    {
        var name = await ContainerWithLogAsync("nostreams", tty: false);

        var response = await api.Client.GetAsync($"/containers/{name}/logs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
