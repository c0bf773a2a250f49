using ActorPod.Core.Decisions;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using static ActorPod.Core.Tests.TestStates;

namespace ActorPod.Core.Tests;

public class ContainerDecisionsTests
{
    const string AnyExisting = "created, initialized or exited";

    const string Live = "running or paused";

    static readonly Refuse Gone = new(new ContainerError(ErrorKind.NotFound, null, $"no such container: {Id}"));

    /// <summary>Every lifecycle command in every state, with the decision spelled out.</summary>
    public static readonly TheoryData<ContainerStatus, string, Decision> Matrix = new()
    {
        { ContainerStatus.Configured, "init", new Perform(new InitEffect(CleanupFirst: false)) },
        { ContainerStatus.Configured, "start", new Perform(new StartEffect(InitFirst: true, CleanupFirst: false)) },
        { ContainerStatus.Configured, "stop", new AlreadyDone("stop") },
        { ContainerStatus.Configured, "kill", Wrong("kill", "created", Live) },
        { ContainerStatus.Configured, "pause", Wrong("pause", "created", "running") },
        { ContainerStatus.Configured, "unpause", Wrong("unpause", "created", "paused") },
        { ContainerStatus.Configured, "remove", new Perform(new RemoveEffect(KillFirst: false, ThawFirst: false)) },
        { ContainerStatus.Configured, "remove-force", new Perform(new RemoveEffect(false, false)) },

        { ContainerStatus.Created, "init", Wrong("init", "initialized", "created or exited") },
        { ContainerStatus.Created, "start", new Perform(new StartEffect(InitFirst: false, CleanupFirst: false)) },
        { ContainerStatus.Created, "stop", new AlreadyDone("stop") },
        { ContainerStatus.Created, "kill", Wrong("kill", "initialized", Live) },
        { ContainerStatus.Created, "pause", Wrong("pause", "initialized", "running") },
        { ContainerStatus.Created, "unpause", Wrong("unpause", "initialized", "paused") },
        { ContainerStatus.Created, "remove", new Perform(new RemoveEffect(KillFirst: true, ThawFirst: false)) },
        { ContainerStatus.Created, "remove-force", new Perform(new RemoveEffect(KillFirst: true, ThawFirst: false)) },

        { ContainerStatus.Running, "init", Wrong("init", "running", "created or exited") },
        { ContainerStatus.Running, "start", new AlreadyDone("start") },
        { ContainerStatus.Running, "stop", new Perform(new StopEffect(15, 10, ThawFirst: false)) },
        { ContainerStatus.Running, "kill", new Perform(new KillEffect(9)) },
        { ContainerStatus.Running, "pause", new Perform(new PauseEffect()) },
        { ContainerStatus.Running, "unpause", Wrong("unpause", "running", "paused") },
        { ContainerStatus.Running, "remove", NotWithoutForce("running") },
        { ContainerStatus.Running, "remove-force", new Perform(new RemoveEffect(KillFirst: true, ThawFirst: false)) },

        { ContainerStatus.Paused, "init", Wrong("init", "paused", "created or exited") },
        { ContainerStatus.Paused, "start", Wrong("start", "paused", AnyExisting, "unpause it instead") },
        { ContainerStatus.Paused, "stop", new Perform(new StopEffect(15, 10, ThawFirst: true)) },
        { ContainerStatus.Paused, "kill", new Perform(new KillEffect(9)) },
        { ContainerStatus.Paused, "pause", Wrong("pause", "paused", "running") },
        { ContainerStatus.Paused, "unpause", new Perform(new UnpauseEffect()) },
        { ContainerStatus.Paused, "remove", NotWithoutForce("paused") },
        { ContainerStatus.Paused, "remove-force", new Perform(new RemoveEffect(KillFirst: true, ThawFirst: true)) },

        { ContainerStatus.Stopped, "init", new Perform(new InitEffect(CleanupFirst: true)) },
        { ContainerStatus.Stopped, "start", new Perform(new StartEffect(InitFirst: true, CleanupFirst: true)) },
        { ContainerStatus.Stopped, "stop", new AlreadyDone("stop") },
        { ContainerStatus.Stopped, "kill", Wrong("kill", "exited", Live) },
        { ContainerStatus.Stopped, "pause", Wrong("pause", "exited", "running") },
        { ContainerStatus.Stopped, "unpause", Wrong("unpause", "exited", "paused") },
        { ContainerStatus.Stopped, "remove", new Perform(new RemoveEffect(KillFirst: false, ThawFirst: false)) },
        { ContainerStatus.Stopped, "remove-force", new Perform(new RemoveEffect(KillFirst: false, ThawFirst: false)) },

        { ContainerStatus.Removing, "init", Wrong("init", "removing", "created or exited") },
        { ContainerStatus.Removing, "start", Wrong("start", "removing", AnyExisting) },
        { ContainerStatus.Removing, "stop", Wrong("stop", "removing", Live) },
        { ContainerStatus.Removing, "kill", Wrong("kill", "removing", Live) },
        { ContainerStatus.Removing, "pause", Wrong("pause", "removing", "running") },
        { ContainerStatus.Removing, "unpause", Wrong("unpause", "removing", "paused") },
        // A removal cut short by a crash is finished by the next one.
        { ContainerStatus.Removing, "remove", new Perform(new RemoveEffect(KillFirst: false, ThawFirst: false)) },
        { ContainerStatus.Removing, "remove-force", new Perform(new RemoveEffect(false, false)) },

        { ContainerStatus.Removed, "init", Gone },
        { ContainerStatus.Removed, "start", Gone },
        { ContainerStatus.Removed, "stop", Gone },
        { ContainerStatus.Removed, "kill", Gone },
        { ContainerStatus.Removed, "pause", Gone },
        { ContainerStatus.Removed, "unpause", Gone },
        { ContainerStatus.Removed, "remove", Gone },
        { ContainerStatus.Removed, "remove-force", Gone },

        { ContainerStatus.Unknown, "init", Wrong("init", "unknown", "created or exited") },
        { ContainerStatus.Unknown, "start", Wrong("start", "unknown", AnyExisting) },
        { ContainerStatus.Unknown, "stop", Wrong("stop", "unknown", Live) },
        { ContainerStatus.Unknown, "kill", Wrong("kill", "unknown", Live) },
        { ContainerStatus.Unknown, "pause", Wrong("pause", "unknown", "running") },
        { ContainerStatus.Unknown, "unpause", Wrong("unpause", "unknown", "paused") },
        { ContainerStatus.Unknown, "remove", Wrong("remove", "unknown", AnyExisting) },
        { ContainerStatus.Unknown, "remove-force", Wrong("remove", "unknown", AnyExisting) },
    };

    static readonly string[] Commands = ["init", "start", "stop", "kill", "pause", "unpause", "remove", "remove-force"];

    public static IContainerCommand Command(string name, string id = Id) => name switch
    {
        "init" => new InitContainer(id),
        "start" => new StartContainer(id),
        "stop" => new StopContainer(id),
        "kill" => new KillContainer(id),
        "pause" => new PauseContainer(id),
        "unpause" => new UnpauseContainer(id),
        "remove" => new RemoveContainer(id),
        "remove-force" => new RemoveContainer(id, Force: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    static Refuse Wrong(string verb, string actual, string expected, string? hint = null)
    {
        var message = $"cannot {verb} container {Id}: it is {actual}, not {expected}";
        if (hint is not null)
        {
            message += "; " + hint;
        }

        return new Refuse(new ContainerError(ErrorKind.InvalidState, Id, message));
    }

    static Refuse NotWithoutForce(string actual) => new(new ContainerError(ErrorKind.InvalidState, Id,
        $"cannot remove container {Id}: it is {actual}; stop it first or force the removal"));

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Command_in_a_state_is_decided_as_the_matrix_says(
        ContainerStatus status, string command, Decision expected)
    {
        var decision = ContainerDecisions.Decide(In(status), Command(command));

        Assert.Equal(expected, decision);
    }

    [Fact]
    public void The_matrix_covers_every_command_in_every_state()
    {
        var rows = Matrix.Select(row => ((ContainerStatus)row[0], (string)row[1])).ToHashSet();

        Assert.Equal(Matrix.Count(), rows.Count);
        Assert.All(AllStatuses, status => Assert.All(Commands, command => Assert.Contains((status, command), rows)));
    }

    [Fact]
    public void Refusal_message_names_the_verb_the_id_the_podman_state_and_what_was_expected()
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Configured), new PauseContainer(Id));

        var refusal = Assert.IsType<Refuse>(decision);
        Assert.Equal(ErrorKind.InvalidState, refusal.Error.Kind);
        Assert.Equal(Id, refusal.Error.ContainerId);
        Assert.Equal(
            "cannot pause container 3f2a9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f: " +
            "it is created, not running", refusal.Error.Message);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("start")]
    [InlineData("stop")]
    [InlineData("kill")]
    [InlineData("pause")]
    [InlineData("unpause")]
    [InlineData("remove")]
    [InlineData("remove-force")]
    public void Command_for_a_container_that_does_not_exist_is_not_found_by_its_reference(string command)
    {
        var decision = ContainerDecisions.Decide(Empty, Command(command, id: "web"));

        var refusal = Assert.IsType<Refuse>(decision);
        Assert.Equal(ErrorKind.NotFound, refusal.Error.Kind);
        Assert.Equal("no such container: web", refusal.Error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(3600)]
    public void Stop_passes_its_timeout_through(int timeout)
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running), new StopContainer(Id, timeout));

        Assert.Equal(new Perform(new StopEffect(15, timeout, ThawFirst: false)), decision);
    }

    [Theory]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Stopped)]
    [InlineData(ContainerStatus.Removing)]
    public void Stop_with_a_timeout_below_minus_one_is_an_invalid_argument_in_any_state(ContainerStatus status)
    {
        var decision = ContainerDecisions.Decide(In(status), new StopContainer(Id, -2));

        Assert.Equal(new Refuse(new ContainerError(ErrorKind.InvalidArgument, Id,
            $"container {Id}: stop timeout must be -1 (wait forever) or more, not -2")), decision);
    }

    [Theory]
    [InlineData("SIGINT", 2)]
    [InlineData("hup", 1)]
    [InlineData("10", 10)]
    [InlineData("RTMIN+2", 36)]
    public void Stop_with_a_custom_signal_sends_that_signal(string signal, int number)
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Paused), new StopContainer(Id, 7, signal));

        Assert.Equal(new Perform(new StopEffect(number, 7, ThawFirst: true)), decision);
    }

    [Fact]
    public void Stop_without_arguments_uses_the_signal_and_timeout_of_the_spec()
    {
        var spec = Spec with { StopSignal = "SIGQUIT", StopTimeout = 3 };

        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running, spec), new StopContainer(Id));

        Assert.Equal(new Perform(new StopEffect(3, 3, ThawFirst: false)), decision);
    }

    [Fact]
    public void Stop_arguments_override_the_spec()
    {
        var spec = Spec with { StopSignal = "SIGQUIT", StopTimeout = 3 };

        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running, spec), new StopContainer(Id, 30, "USR2"));

        Assert.Equal(new Perform(new StopEffect(12, 30, ThawFirst: false)), decision);
    }

    [Fact]
    public void Stop_with_a_bad_stop_signal_in_the_spec_is_refused_naming_it()
    {
        var spec = Spec with { StopSignal = "SIGNOPE" };

        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running, spec), new StopContainer(Id));

        Assert.Equal(BadSignal("SIGNOPE"), decision);
    }

    [Theory]
    [InlineData("SIGFOO")]
    [InlineData("0")]
    [InlineData("32")]
    [InlineData("65")]
    [InlineData("RTMIN+31")]
    [InlineData("")]
    [InlineData(" ")]
    public void Stop_with_a_bad_signal_is_an_invalid_argument(string signal)
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running), new StopContainer(Id, 5, signal));

        Assert.Equal(BadSignal(signal), decision);
    }

    [Theory]
    [InlineData("SIGFOO")]
    [InlineData("0")]
    [InlineData("33")]
    [InlineData("-9")]
    [InlineData("")]
    public void Kill_with_a_bad_signal_is_an_invalid_argument(string signal)
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running), new KillContainer(Id, signal));

        Assert.Equal(BadSignal(signal), decision);
    }

    [Fact]
    public void Bad_signal_is_reported_before_the_state_is_considered()
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Stopped), new KillContainer(Id, "SIGFOO"));

        Assert.Equal(ErrorKind.InvalidArgument, Assert.IsType<Refuse>(decision).Error.Kind);
    }

    [Theory]
    [InlineData("SIGTERM", 15)]
    [InlineData("usr1", 10)]
    [InlineData("9", 9)]
    [InlineData("SIGRTMAX-2", 62)]
    public void Kill_sends_the_named_signal(string signal, int number)
    {
        var decision = ContainerDecisions.Decide(In(ContainerStatus.Running), new KillContainer(Id, signal));

        Assert.Equal(new Perform(new KillEffect(number)), decision);
    }

    [Theory]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Stopped)]
    public void Wait_and_inspect_are_not_lifecycle_commands(ContainerStatus status)
    {
        var state = In(status);

        Assert.Equal(new Refuse(new ContainerError(ErrorKind.InvalidArgument, Id,
            $"container {Id}: WaitContainer is not a lifecycle command")),
            ContainerDecisions.Decide(state, new WaitContainer(Id)));
        Assert.Equal(new Refuse(new ContainerError(ErrorKind.InvalidArgument, Id,
            $"container {Id}: InspectContainer is not a lifecycle command")),
            ContainerDecisions.Decide(state, new InspectContainer(Id)));
    }

    [Theory]
    [InlineData(ContainerStatus.Configured)]
    [InlineData(ContainerStatus.Running)]
    [InlineData(ContainerStatus.Removed)]
    public void Decide_does_not_change_the_state(ContainerStatus status)
    {
        var state = In(status);
        var copy = state with { };

        foreach (var command in Commands)
        {
            ContainerDecisions.Decide(state, Command(command));
        }

        Assert.Equal(copy, state);
    }

    static Refuse BadSignal(string signal) => new(new ContainerError(ErrorKind.InvalidArgument, Id,
        $"container {Id}: invalid signal: {signal}"));
}
