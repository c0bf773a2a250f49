using System.Buffers;
using System.Text;
using System.Text.Json;
using ActorPod.Api.Http;
using ActorPod.Api.Mapping;
using ActorPod.Messages.Model;

namespace ActorPod.Api.Tests;

public sealed class ContainerSummaryJsonTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    static ContainerInfo Container(string id, string name, ContainerStatus status) => new()
    {
        Id = id,
        Name = name,
        Status = status,
        CreatedAt = Now.AddMinutes(-10),
        StartedAt = status == ContainerStatus.Running ? Now.AddSeconds(-5) : null,
        Spec = new ContainerSpec
        {
            Image = "busybox",
            ImageId = "abc",
            Args = ["sleep", "1000"],
            Cmd = ["sleep", "1000"],
            Labels = new Dictionary<string, string> { ["app"] = "<web> & \"db\"" },
        },
    };

    static string Write(ContainerSummaryJson cache, IReadOnlyList<ContainerInfo> rows, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>();
        cache.WriteArray(rows, now, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    static string Serialized(IEnumerable<ContainerInfo> rows, DateTimeOffset now) =>
        JsonSerializer.Serialize(rows.Select(c => ContainerMapper.ToSummary(c, now)).ToList(), ApiJson.Options);

    [Fact]
    public void A_listing_is_byte_for_byte_what_serializing_the_summaries_gives_also_when_reused()
    {
        var cache = new ContainerSummaryJson();
        var rows = new[]
        {
            Container("a1", "web", ContainerStatus.Running), Container("b2", "db", ContainerStatus.Configured),
        };

        Assert.Equal(Serialized(rows, Now), Write(cache, rows, Now));
        Assert.Equal(Serialized(rows, Now), Write(cache, rows, Now));
        Assert.Equal("[]", Write(cache, [], Now));
    }

    [Fact]
    public void A_changed_container_and_a_status_text_that_moved_with_the_clock_are_written_anew()
    {
        var cache = new ContainerSummaryJson();
        var web = Container("a1", "web", ContainerStatus.Running);
        Write(cache, [web], Now);

        var later = Now.AddMinutes(3);
        Assert.Contains("\"Up 3 minutes\"", Write(cache, [web], later));

        var stopped = web with { Status = ContainerStatus.Stopped, ExitCode = 3, FinishedAt = later };
        var text = Write(cache, [stopped], later);
        Assert.Contains("\"State\":\"exited\"", text);
        Assert.Equal(Serialized([stopped], later), text);
    }

    [Fact]
    public void Entries_of_containers_no_longer_listed_are_dropped_and_come_back_right_if_listed_again()
    {
        var cache = new ContainerSummaryJson();
        var many = Enumerable.Range(0, 200).Select(i => Container($"id{i}", $"c{i}", ContainerStatus.Configured))
            .ToList();
        Write(cache, many, Now);

        cache.Prune(many.Take(150).ToList());
        Assert.Equal(200, cache.Count);
        cache.Prune(many.Take(1).ToList());
        Assert.Equal(1, cache.Count);

        Assert.Equal(Serialized(many.Skip(5).Take(2), Now), Write(cache, many.Skip(5).Take(2).ToList(), Now));
    }
}
