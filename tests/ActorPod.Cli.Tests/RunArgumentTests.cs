using System.CommandLine;
using ActorPod.Cli.Commands;

namespace ActorPod.Cli.Tests;

public sealed class RunArgumentTests
{
    static (string? Image, string[] Command, ParseResult Parse) ParseRun(params string[] args)
    {
        var parse = CliApp.Parse(args);
        Assert.Empty(parse.Errors);
        var image = parse.CommandResult.Command.Arguments.First(a => a.Name == "IMAGE");
        var command = parse.CommandResult.Command.Arguments.First(a => a.Name == "COMMAND");
        return (parse.GetValue((Argument<string>)image), parse.GetValue((Argument<string[]>)command) ?? [], parse);
    }

    static T? Value<T>(ParseResult parse, string name) =>
        parse.GetValue((Option<T>)parse.CommandResult.Command.Options.First(o => o.Name == name));

    [Fact]
    public void Options_after_the_image_belong_to_the_container_command()
    {
        var (image, command, _) = ParseRun("run", "busybox", "sh", "-c", "echo hi");

        Assert.Equal("busybox", image);
        Assert.Equal(["sh", "-c", "echo hi"], command);
    }

    [Fact]
    public void Options_before_the_image_are_actorpods_own()
    {
        var (image, command, parse) = ParseRun("--host", "unix:///tmp/x.sock", "run", "--rm", "-e", "A=1",
            "--name", "web", "-v", "/a:/b:ro", "-e", "B=2", "-d", "busybox", "ls", "-l", "--rm");

        Assert.Equal("busybox", image);
        Assert.Equal(["ls", "-l", "--rm"], command);
        Assert.True(Value<bool>(parse, "--rm"));
        Assert.True(Value<bool>(parse, "--detach"));
        Assert.Equal("web", Value<string>(parse, "--name"));
        Assert.Equal(["A=1", "B=2"], Value<string[]>(parse, "--env")!);
        Assert.Equal("unix:///tmp/x.sock", parse.GetValue(Globals.Host));
    }

    [Fact]
    public void Option_with_equals_sign_and_bundled_flags_are_skipped()
    {
        var (image, command, parse) = ParseRun("run", "--name=web", "-it", "alpine", "top", "-b");

        Assert.Equal("alpine", image);
        Assert.Equal(["top", "-b"], command);
        Assert.Equal("web", Value<string>(parse, "--name"));
    }

    [Fact]
    public void Create_takes_the_same_split_and_no_command_is_fine()
    {
        var (image, command, _) = ParseRun("create", "--entrypoint", "/bin/sh", "busybox");

        Assert.Equal("busybox", image);
        Assert.Empty(command);
    }

    [Fact]
    public void Create_body_carries_the_options()
    {
        var options = new CreateOptions();
        var run = new Command("run");
        options.AddTo(run);
        var parse = run.Parse(["-w", "/srv", "-u", "1000:1000", "--network", "host", "--label", "k=v",
            "--entrypoint", "", "busybox", "--", "true"]);

        var body = options.Body(parse, autoRemove: false);

        Assert.Equal("/srv", body.WorkingDir);
        Assert.Equal("1000:1000", body.User);
        Assert.Equal("host", body.HostConfig.NetworkMode);
        Assert.Equal("v", body.Labels["k"]);
        Assert.Equal([""], body.Entrypoint);
        Assert.Equal(["true"], body.Cmd);
    }

    [Fact]
    public void Unknown_verb_is_a_parse_error() => Assert.NotEmpty(CliApp.Parse(["frobnicate"]).Errors);
}
