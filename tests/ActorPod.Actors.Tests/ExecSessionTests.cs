using ActorPod.Actors.Attach;
using ActorPod.Actors.Tests.Fakes;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Attach;
using Akka.Actor;

namespace ActorPod.Actors.Tests;

public sealed class ExecSessionTests : ActorTestBase
{
    readonly FakeExecRuntime _exec = new();

    public ExecSessionTests()
    {
        Deps = Deps with { Exec = _exec };
    }

    string Running()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));
        return id;
    }

    string NewExec(string id, params string[] args) =>
        Ask<ExecCreated>(new CreateExec(id, args.Length == 0 ? ["sh"] : args, AttachStdin: true)).ExecId;

    [Fact]
    public void A_session_that_fails_to_start_reports_the_runtime_message_and_exit_code_127()
    {
        var id = Running();
        _exec.FailStartWith = "exec failed: exec: \"nope\": executable file not found in $PATH";
        var execId = NewExec(id, "nope");

        var error = Refused(new StartExec(execId));

        Assert.Equal(ErrorKind.RuntimeFailed, error.Kind);
        Assert.Contains("exec: \"nope\": executable file not found in $PATH", error.Message);
        var details = Ask<ExecDetails>(new InspectExec(execId));
        Assert.False(details.Running);
        Assert.Equal(127, details.ExitCode);
        Assert.Empty(Inspect(id).ExecIds);
    }

    [Fact]
    public void A_session_is_listed_while_it_runs_and_its_exit_code_is_kept()
    {
        var id = Running();
        var execId = NewExec(id);

        var started = Ask<ExecDetails>(new StartExec(execId));
        Assert.True(started.Running);
        Assert.Equal(4711, started.Pid);
        Assert.Equal([execId], Inspect(id).ExecIds);

        _exec.Processes[execId].Exit(3);

        AwaitAssert(() => Assert.Equal(3, Ask<ExecDetails>(new InspectExec(execId)).ExitCode));
        Assert.Empty(Inspect(id).ExecIds);
    }

    [Fact]
    public void Exec_into_a_paused_container_is_refused_with_its_state()
    {
        var id = Running();
        Ask<CommandSucceeded>(new PauseContainer(id));

        var error = Refused(new CreateExec(id, ["true"]));

        Assert.Equal(ErrorKind.InvalidState, error.Kind);
        Assert.Equal($"cannot exec in container {id}: it is paused, not running", error.Message);
    }

    [Fact]
    public void An_unknown_exec_id_is_not_found()
    {
        Running();

        Assert.Equal(ErrorKind.NotFound, Refused(new InspectExec(new string('a', 64))).Kind);
    }

    [Fact]
    public void A_client_that_disconnects_mid_stream_is_cleaned_up_and_the_process_keeps_running()
    {
        var id = Running();
        var execId = NewExec(id);
        var client = new FakeAttachClient();

        var ready = Ask<AttachReady>(new StartExecAttached(execId, client, DetachKeys.Parse(DetachKeys.Default)));
        Watch(ready.Stream);
        var channel = _exec.Processes[execId].Channel;
        channel.Emit(AttachStream.Stdout, "first");
        AwaitAssert(() => Assert.Single(client.Output));
        client.Vanish();
        channel.Emit(AttachStream.Stdout, "second");

        ExpectTerminated(ready.Stream, TimeSpan.FromSeconds(5));
        AwaitAssert(() => Assert.True(channel.Disposed));
        Assert.True(Ask<ExecDetails>(new InspectExec(execId)).Running);
        Assert.Equal([execId], Inspect(id).ExecIds);
    }

    [Fact]
    public void The_detach_keys_end_the_stream_and_what_came_before_them_reaches_the_process()
    {
        var id = Running();
        var execId = NewExec(id);
        var client = new FakeAttachClient();

        var ready = Ask<AttachReady>(new StartExecAttached(execId, client, DetachKeys.Parse("ctrl-x,q")));
        Watch(ready.Stream);
        client.Type((byte)'h', (byte)'i', 0x18, (byte)'q', (byte)'!');

        ExpectTerminated(ready.Stream, TimeSpan.FromSeconds(5));
        Assert.Equal(AttachEnd.Detached, client.End);
        Assert.Equal("hi"u8.ToArray(), _exec.Processes[execId].Channel.Stdin.ToArray());
        Assert.True(Ask<ExecDetails>(new InspectExec(execId)).Running);
    }

    [Fact]
    public void Stdin_end_closes_the_process_stdin_and_output_still_arrives()
    {
        var id = Running();
        var execId = NewExec(id);
        var client = new FakeAttachClient();
        Ask<AttachReady>(new StartExecAttached(execId, client, DetachKeys.Parse(DetachKeys.Default)));
        var process = _exec.Processes[execId];

        client.Type((byte)'x');
        client.CloseInput();
        AwaitAssert(() => Assert.True(process.Channel.StdinClosed));
        process.Channel.Emit(AttachStream.Stderr, "late");
        process.Exit(0);

        AwaitAssert(() => Assert.Equal(AttachEnd.OutputEnded, client.End));
        Assert.Contains((AttachStream.Stderr, "late"), client.Output);
        Assert.Equal(0, Ask<ExecDetails>(new InspectExec(execId)).ExitCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ctrl-")]
    [InlineData("ctrl-%")]
    [InlineData("ctrl-p,,q")]
    public void Bad_detach_keys_are_refused(string spec)
    {
        var error = Assert.Throws<Core.Errors.ActorPodException>(() => DetachKeys.Parse(spec));

        Assert.Equal(ErrorKind.InvalidArgument, error.Error.Kind);
    }

    [Fact]
    public void A_session_outliving_its_container_is_closed_with_a_reason()
    {
        var id = Running();
        var execId = NewExec(id);
        Ask<ExecDetails>(new StartExec(execId));

        Runtime.ExitNow(id, 0);

        AwaitAssert(() =>
        {
            var details = Ask<ExecDetails>(new InspectExec(execId));
            Assert.False(details.Running);
            Assert.Contains("container", details.Reason);
        }, TimeSpan.FromSeconds(10));
        Assert.Empty(Inspect(id).ExecIds);
    }
}
