using System.Net;

namespace ActorPod.Api.Tests;

public sealed class SystemEndpointTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    [Theory]
    [InlineData("/_ping")]
    [InlineData("/v1.47/_ping")]
    [InlineData("/v1.24/_ping")]
    public async Task Ping_answers_OK_with_docker_headers_on_plain_and_versioned_paths(string path)
    {
        var response = await api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        Assert.Equal("1.47", response.Headers.GetValues("API-Version").Single());
        Assert.Equal("linux", response.Headers.GetValues("Ostype").Single());
        Assert.Equal("false", response.Headers.GetValues("Docker-Experimental").Single());
    }

    [Fact]
    public async Task Head_ping_has_headers_and_no_body()
    {
        var response = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/_ping"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("API-Version"));
    }

    [Fact]
    public async Task Too_new_a_client_version_is_refused_with_docker_message()
    {
        var response = await api.Client.GetAsync("/v1.99/version");
        var body = await api.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("client version 1.99 is too new", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Version_reports_api_versions()
    {
        var body = await api.JsonAsync(await api.Client.GetAsync("/v1.41/version"));

        Assert.Equal("1.47", body.GetProperty("ApiVersion").GetString());
        Assert.Equal("1.24", body.GetProperty("MinAPIVersion").GetString());
        Assert.Equal("linux", body.GetProperty("Os").GetString());
    }

    [Fact]
    public async Task Info_counts_containers_and_images()
    {
        var body = await api.JsonAsync(await api.Client.GetAsync("/info"));

        Assert.Equal(1, body.GetProperty("Images").GetInt32());
        Assert.Equal("overlay", body.GetProperty("Driver").GetString());
        Assert.Equal("1", body.GetProperty("CgroupVersion").GetString());
        Assert.True(body.GetProperty("NCPU").GetInt32() > 0);
        Assert.True(body.TryGetProperty("ContainersRunning", out _));
    }

    [Fact]
    public async Task Unknown_route_is_a_json_404()
    {
        var response = await api.Client.GetAsync("/v1.47/no/such/thing");
        var body = await api.JsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("page not found", body.GetProperty("message").GetString());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Socket_file_is_group_read_write_only()
    {
        var mode = File.GetUnixFileMode(api.SocketPath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            mode);
    }
}
