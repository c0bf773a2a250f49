using ActorPod.Cli.Client;
using ActorPod.Cli.Parsing;

namespace ActorPod.Cli.Tests;

public sealed class FilterAndExitCodeTests
{
    [Fact]
    public void Filters_group_values_by_key()
    {
        var json = FilterArgs.ToJson(["status=running", "name=web", "status=paused", "label=a=b"]);

        Assert.Equal("""{"label":["a=b"],"name":["web"],"status":["running","paused"]}""", json);
    }

    [Fact]
    public void No_filters_means_no_query() => Assert.Null(FilterArgs.ToJson([]));

    [Theory]
    [InlineData("colour=red")]
    [InlineData("status")]
    [InlineData("=x")]
    public void Unknown_or_malformed_filters_are_tool_errors(string filter)
    {
        var e = Assert.Throws<CliException>(() => FilterArgs.ToJson([filter]));

        Assert.Equal(125, e.ExitCode);
    }

    [Theory]
    [InlineData("runc create failed: exec: \"nosuch\": executable file not found in $PATH", 127)]
    [InlineData("runc: exec /bin/x: no such file or directory", 127)]
    [InlineData("runc: exec /etc: permission denied", 126)]
    [InlineData("container 3f2a is paused, not running", 125)]
    public void Start_failures_map_to_podman_exit_codes(string message, int code) =>
        Assert.Equal(code, ExitCodes.ForStartFailure(message));

    [Fact]
    public void Host_resolution_prefers_the_option_and_checks_the_scheme()
    {
        Assert.Equal("unix:///x.sock", DaemonAddress.Resolve("unix:///x.sock"));
        Assert.Equal("/x.sock", DaemonAddress.SocketPath("unix:///x.sock"));
        Assert.Throws<CliException>(() => DaemonAddress.SocketPath("tcp://1.2.3.4:2375"));
    }
}
