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
}
