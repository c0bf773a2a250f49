using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ActorPod.Api.Tests;

public sealed class ContainerEndpointTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    async Task<string> CreateAsync(string name, object? body = null)
    {
        var response = await api.Client.PostAsJsonAsync($"/v1.47/containers/create?name={name}",
            body ?? new { Image = "busybox", Cmd = new[] { "echo", "hi" }, Labels = new Dictionary<string, string>
            {
                ["team"] = "a",
            } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await api.JsonAsync(response)).GetProperty("Id").GetString()!;
    }

    async Task AssertStillServingAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/_ping")).StatusCode);

    async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string fragment)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await api.JsonAsync(response);
        Assert.Contains(fragment, body.GetProperty("message").GetString());
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Created_container_inspects_in_docker_shape()
    {
        var id = await CreateAsync("shape", new
        {
            Image = "busybox", Cmd = new[] { "echo", "hi" }, Env = new[] { "A=1" }, Unknown = 5,
            HostConfig = new { Binds = new[] { "/tmp:/data:ro" }, NetworkMode = "host" },
        });

        var inspect = await api.JsonAsync(await api.Client.GetAsync("/containers/shape/json"));

        Assert.Equal(id, inspect.GetProperty("Id").GetString());
        Assert.Equal("/shape", inspect.GetProperty("Name").GetString());
        Assert.Equal("created", inspect.GetProperty("State").GetProperty("Status").GetString());
        Assert.False(inspect.GetProperty("State").GetProperty("Running").GetBoolean());
        Assert.Equal("0001-01-01T00:00:00Z", inspect.GetProperty("State").GetProperty("StartedAt").GetString());
        Assert.Equal("echo", inspect.GetProperty("Path").GetString());
        Assert.Equal("hi", inspect.GetProperty("Args")[0].GetString());
        Assert.Equal("A=1", inspect.GetProperty("Config").GetProperty("Env")[0].GetString());
        Assert.Equal("/tmp:/data:ro", inspect.GetProperty("HostConfig").GetProperty("Binds")[0].GetString());
        Assert.Equal("host", inspect.GetProperty("HostConfig").GetProperty("NetworkMode").GetString());
        Assert.False(inspect.GetProperty("Mounts")[0].GetProperty("RW").GetBoolean());
        Assert.Equal(0, inspect.GetProperty("ExecIDs").GetArrayLength());
    }

    [Fact]
    public async Task Start_is_204_then_304_and_inspect_shows_running()
    {
        await CreateAsync("starter");

        var first = await api.Client.PostAsync("/containers/starter/start", null);
        var second = await api.Client.PostAsync("/v1.43/containers/starter/start", null);
        var state = (await api.JsonAsync(await api.Client.GetAsync("/containers/starter/json"))).GetProperty("State");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("running", state.GetProperty("Status").GetString());
        Assert.Equal(4242, state.GetProperty("Pid").GetInt32());
    }

    [Fact]
    public async Task List_applies_status_name_label_and_id_filters()
    {
        var id = await CreateAsync("lister");
        await CreateAsync("other", new { Image = "busybox" });
        await api.Client.PostAsync("/containers/lister/start", null);

        async Task<List<string>> Names(string query) =>
            (await api.JsonAsync(await api.Client.GetAsync("/containers/json?" + query))).EnumerateArray()
                .Select(e => e.GetProperty("Names")[0].GetString()!).ToList();
        string Filter(object f) => "all=1&filters=" + Uri.EscapeDataString(JsonSerializer.Serialize(f));

        Assert.Contains("/lister", await Names(Filter(new { status = new[] { "running" } })));
        Assert.DoesNotContain("/other", await Names(Filter(new { status = new[] { "running" } })));
        Assert.Equal(["/lister"], await Names(Filter(new { name = new[] { "^/lister$" } })));
        Assert.Equal(["/lister"], await Names(Filter(new { id = new[] { id[..10] } })));
        Assert.Contains("/lister", await Names(Filter(new { label = new[] { "team=a" } })));
        Assert.DoesNotContain("/other", await Names(Filter(new { label = new[] { "team" } })));
        Assert.DoesNotContain("/other", await Names(""));
    }

    [Fact]
    public async Task List_row_has_docker_status_text()
    {
        await CreateAsync("rower");
        await api.Client.PostAsync("/containers/rower/start", null);

        var rows = await api.JsonAsync(await api.Client.GetAsync(
            "/containers/json?filters=" + Uri.EscapeDataString("{\"name\":{\"rower\":true}}")));
        var row = rows[0];

        Assert.Equal("running", row.GetProperty("State").GetString());
        Assert.StartsWith("Up ", row.GetProperty("Status").GetString());
        Assert.Equal("echo hi", row.GetProperty("Command").GetString());
    }

    [Fact]
    public async Task Unknown_container_is_404_with_message()
    {
        var response = await api.Client.GetAsync("/containers/nosuch/json");

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "no such container: nosuch");
    }

    [Fact]
    public async Task Kill_of_a_created_container_is_409()
    {
        await CreateAsync("unkillable");

        var response = await api.Client.PostAsync("/containers/unkillable/kill?signal=SIGTERM", null);

        await AssertErrorAsync(response, HttpStatusCode.Conflict, "cannot kill container");
    }

    [Fact]
    public async Task Taken_name_is_409()
    {
        await CreateAsync("twice");

        var response = await api.Client.PostAsJsonAsync("/containers/create?name=twice", new { Image = "busybox" });

        await AssertErrorAsync(response, HttpStatusCode.Conflict, "already in use");
    }

    [Theory]
    [InlineData("{not json", "invalid JSON")]
    [InlineData("{\"Image\": 5}", "invalid JSON")]
    [InlineData("{\"Image\": \"busybox\", \"Tty\": \"yes\"}", "invalid JSON")]
    [InlineData("{\"Image\": \"busybox\", \"Cmd\": {\"a\": 1}}", "invalid JSON")]
    [InlineData("{\"Cmd\": [\"sh\"]}", "Image is required")]
    [InlineData("{\"Image\": \"busybox\", \"HostConfig\": {\"Binds\": [\"relative:/x\"]}}", "invalid bind mount")]
    public async Task Bad_create_bodies_are_400(string json, string fragment)
    {
        var response = await api.Client.PostAsync("/containers/create",
            new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, fragment);
    }

    [Fact]
    public async Task Invalid_name_is_400_with_docker_message()
    {
        var response = await api.Client.PostAsJsonAsync("/containers/create?name=b%20ad!", new { Image = "busybox" });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest,
            "Invalid container name (b ad!), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }

    [Fact]
    public async Task Unknown_image_is_404()
    {
        var response = await api.Client.PostAsJsonAsync("/containers/create", new { Image = "nginx:1" });

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "No such image: nginx:1");
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("{\"colour\":[\"red\"]}")]
    [InlineData("{\"status\":[\"sleeping\"]}")]
    [InlineData("{\"name\":5}")]
    public async Task Bad_filters_are_400(string filters)
    {
        var response = await api.Client.GetAsync("/containers/json?filters=" + Uri.EscapeDataString(filters));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "filter");
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var huge = "{\"Image\":\"busybox\",\"Env\":[\"" + new string('x', 200 * 1024) + "\"]}";

        var response = await api.Client.PostAsync("/containers/create",
            new StringContent(huge, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task Wait_answers_when_the_container_stops()
    {
        await CreateAsync("waiter");
        await api.Client.PostAsync("/containers/waiter/start", null);

        var wait = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/containers/waiter/wait"),
            HttpCompletionOption.ResponseHeadersRead);
        var stop = await api.Client.PostAsync("/containers/waiter/stop?t=1", null);
        var body = JsonDocument.Parse(await wait.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, wait.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, stop.StatusCode);
        Assert.Equal(137, body.GetProperty("StatusCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("Error").ValueKind);
    }

    [Fact]
    public async Task Wait_on_unknown_container_is_404()
    {
        var response = await api.Client.PostAsync("/containers/ghost/wait?condition=next-exit", null);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "no such container");
    }

    [Fact]
    public async Task Remove_then_inspect_is_404()
    {
        await CreateAsync("goner");

        var removed = await api.Client.DeleteAsync("/containers/goner?force=1");
        var inspect = await api.Client.GetAsync("/containers/goner/json");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inspect.StatusCode);
    }

    [Fact]
    public async Task Init_extension_is_204()
    {
        await CreateAsync("initme");

        var response = await api.Client.PostAsync("/v1.47/actorpod/containers/initme/init", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
