using System.Net;
using System.Text;
using System.Text.Json;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests;

/// <summary>Bad input gets a 4xx with a message, changes nothing, and the daemon keeps serving.</summary>
[Collection(DaemonCollection.Name)]
public sealed class MalformedRequestTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    public static TheoryData<string, string, string, HttpStatusCode> BadRequests => new()
    {
        { "POST", "/containers/create", "{not json", HttpStatusCode.BadRequest },
        { "POST", "/containers/create", "{\"Image\": 42}", HttpStatusCode.BadRequest },
        { "POST", "/containers/create", "{\"Cmd\": [\"true\"]}", HttpStatusCode.BadRequest },
        { "POST", "/containers/create?name=bad%20name", "{\"Image\": \"busybox\"}", HttpStatusCode.BadRequest },
        { "POST", "/containers/create", "{\"Image\": \"nosuchimage\"}", HttpStatusCode.NotFound },
        { "POST", "/containers/create", "{\"Image\": \"busybox\", \"HostConfig\": {\"NetworkMode\": \"bridge0\"}}",
            HttpStatusCode.BadRequest },
        { "POST", "/containers/nosuch/start", "", HttpStatusCode.NotFound },
        { "POST", "/containers/nosuch/kill?signal=SIGBOGUS", "", HttpStatusCode.NotFound },
        { "GET", "/containers/json?filters=%7Bnot", "", HttpStatusCode.BadRequest },
        { "GET", "/containers/nosuch/json", "", HttpStatusCode.NotFound },
        { "GET", "/images/nosuch/json", "", HttpStatusCode.NotFound },
        { "POST", "/images/load", "this is not a tar archive", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_request_gets_a_4xx_with_a_message_and_changes_nothing(
        string method, string path, string body, HttpStatusCode expected)
    {
        using var http = Daemon.Http();
        var before = await CountAsync(http);

        using var request = new HttpRequestMessage(new HttpMethod(method), "/v1.41" + path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(before, await CountAsync(http));
        Assert.True((await http.GetAsync("/_ping")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Bad_signal_for_a_running_container_is_400_and_it_keeps_running()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        using var http = Daemon.Http();

        var response = await http.PostAsync($"/containers/{name}/kill?signal=SIGBOGUS", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid signal", await response.Content.ReadAsStringAsync());
        Assert.Equal("running", await Ok("inspect", "--format", "{{.State.Status}}", name));
    }

    [Fact]
    public async Task Huge_body_is_refused_and_the_daemon_still_serves()
    {
        using var http = Daemon.Http();
        var huge = "{\"Image\": \"busybox\", \"Env\": [\"" + new string('x', 4 * 1024 * 1024) + "\"]}";

        var response = await http.PostAsync("/containers/create",
            new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.True((int)response.StatusCode is 400 or 413, $"got {(int)response.StatusCode}");
        Assert.True((await http.GetAsync("/_ping")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Hostile_image_archive_is_refused_and_writes_nothing_outside_the_store()
    {
        var outside = Path.Combine("/tmp", "ape-escape-" + Guid.NewGuid().ToString("N")[..8]);
        using var http = Daemon.Http();

        var response = await http.PostAsync("/images/load",
            new ByteArrayContent(HostileArchives.DockerArchiveWithLayerEntry("../../../../.." + outside)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(outside));
        Assert.True((await http.GetAsync("/_ping")).IsSuccessStatusCode);
    }

    static async Task<int> CountAsync(HttpClient http)
    {
        var list = await http.GetStringAsync("/containers/json?all=1");
        return JsonDocument.Parse(list).RootElement.GetArrayLength();
    }
}
