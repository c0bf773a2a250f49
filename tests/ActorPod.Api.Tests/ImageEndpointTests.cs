using System.Net;

namespace ActorPod.Api.Tests;

public sealed class ImageEndpointTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task Images_list_and_inspect_by_tag()
    {
        var list = await api.JsonAsync(await api.Client.GetAsync("/images/json"));
        var inspect = await api.Client.GetAsync("/v1.47/images/busybox:latest/json");

        Assert.Equal("sha256:" + FakeImageStore.BusyboxId, list[0].GetProperty("Id").GetString());
        Assert.Equal(HttpStatusCode.OK, inspect.StatusCode);
        Assert.Equal("layers", (await api.JsonAsync(inspect)).GetProperty("RootFS").GetProperty("Type").GetString());
    }

    [Fact]
    public async Task Unknown_image_with_slashes_is_404()
    {
        var response = await api.Client.GetAsync("/images/registry.example/team/app:1/json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No such image: registry.example/team/app:1",
            (await api.JsonAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Load_streams_loaded_image_lines()
    {
        var response = await api.Client.PostAsync("/images/load", new ByteArrayContent(new byte[1024]));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Loaded image: busybox:latest", text);
    }

    [Fact]
    public async Task Load_of_bad_archive_is_400_from_the_store()
    {
        var response = await api.Client.PostAsync("/images/load", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Import_reports_the_new_id_and_pull_is_refused()
    {
        var import = await api.Client.PostAsync("/images/create?fromSrc=-&repo=mine&tag=1", new ByteArrayContent([1]));
        var pull = await api.Client.PostAsync("/images/create?fromImage=alpine", null);

        Assert.Contains("sha256:bbbb", await import.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, pull.StatusCode);
        Assert.Contains("pulling is not supported", await pull.Content.ReadAsStringAsync());
    }
}
