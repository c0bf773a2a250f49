using System.Text.Json;
using ActorPod.Cli.Formatting;

namespace ActorPod.Cli.Tests;

public sealed class GoTemplateTests
{
    static readonly JsonElement Inspect = JsonDocument.Parse("""
        {"Id":"3f2a","Name":"/web","State":{"Status":"running","ExitCode":0,"Pid":42},
         "Config":{"Cmd":["sh","-c","echo hi"],"Labels":{"b":"2","a":"1"},"Tty":false}}
        """).RootElement;

    [Theory]
    [InlineData("{{.State.Status}}", "running")]
    [InlineData("{{.Id}}", "3f2a")]
    [InlineData("{{ .Name }}", "/web")]
    [InlineData("{{.State.ExitCode}}", "0")]
    [InlineData("{{.State.Pid}}", "42")]
    [InlineData("pid={{.State.Pid}} status={{.State.Status}}!", "pid=42 status=running!")]
    [InlineData("{{.Config.Cmd}}", "[sh -c echo hi]")]
    [InlineData("{{.Config.Labels}}", "map[a:1 b:2]")]
    [InlineData("{{.Config.Tty}}", "false")]
    [InlineData("{{.state.status}}", "running")]
    [InlineData("{{.Nope.Deeper}}", "<no value>")]
    [InlineData("{{upper .State.Status}}", "RUNNING")]
    [InlineData("no actions", "no actions")]
    public void Renders_field_paths_and_literal_text(string template, string expected) =>
        Assert.Equal(expected, GoTemplate.Render(template, Inspect));

    [Fact]
    public void Json_function_prints_raw_json()
    {
        var output = GoTemplate.Render("{{json .Config.Cmd}}", Inspect);

        Assert.Equal("""["sh","-c","echo hi"]""", output);
    }

    [Fact]
    public void Json_of_an_object_round_trips()
    {
        var output = GoTemplate.Render("{{json .State}}", Inspect);

        Assert.Equal(42, JsonDocument.Parse(output).RootElement.GetProperty("Pid").GetInt32());
    }

    [Theory]
    [InlineData("{{.State")]
    [InlineData("{{range .X}}")]
    public void Malformed_or_unsupported_templates_fail_clearly(string template) =>
        Assert.Throws<FormatException>(() => GoTemplate.Render(template, Inspect));
}
