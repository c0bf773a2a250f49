using System.CommandLine;

namespace ActorPod.Cli.Tests;

public sealed class ContainerArgumentTests
{
    [Theory]
    [InlineData("stop", "-x", "web")]
    [InlineData("kill", "web", "--bogus")]
    [InlineData("logs", "--nope", "web")]
    [InlineData("inspect", "-q", "web")]
    public void A_flag_the_command_does_not_know_is_an_error_and_not_a_container_name(params string[] args)
    {
        var parse = CliApp.Parse(args);

        Assert.Contains(parse.Errors, e => e.Message.StartsWith("unknown flag: -"));
    }

    [Fact]
    public void Rm_takes_podmans_time_and_dockers_volumes_flags()
    {
        var parse = CliApp.Parse(["rm", "-f", "-t", "0", "-v", "web", "db"]);

        Assert.Empty(parse.Errors);
        var command = parse.CommandResult.Command;
        Assert.Equal(0, parse.GetValue((Option<int?>)command.Options.First(o => o.Name == "--time")));
        Assert.True(parse.GetValue((Option<bool>)command.Options.First(o => o.Name == "--volumes")));
        Assert.Equal(["web", "db"], parse.GetValue((Argument<string[]>)command.Arguments.Single())!);
    }

    [Fact]
    public void Container_names_with_dashes_inside_are_still_names()
    {
        var parse = CliApp.Parse(["rm", "-f", "my-web-1"]);

        Assert.Empty(parse.Errors);
    }

    [Fact]
    public void Flags_of_the_container_command_after_the_container_are_still_the_commands_own()
    {
        var parse = CliApp.Parse(["exec", "-it", "web", "sh", "-c", "ls -l"]);

        Assert.Empty(parse.Errors);
        var command = parse.CommandResult.Command;
        Assert.Equal("web", parse.GetValue((Argument<string>)command.Arguments.First(a => a.Name == "CONTAINER")));
        Assert.Equal(["sh", "-c", "ls -l"],
            parse.GetValue((Argument<string[]>)command.Arguments.First(a => a.Name == "COMMAND"))!);
    }

    [Fact]
    public void Known_flags_before_the_container_parse_as_flags()
    {
        Assert.Empty(CliApp.Parse(["logs", "-f", "--tail", "5", "web"]).Errors);
        Assert.Empty(CliApp.Parse(["stop", "-t", "0", "web", "db"]).Errors);
    }
}
