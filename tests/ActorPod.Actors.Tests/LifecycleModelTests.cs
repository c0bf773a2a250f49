using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using Xunit.Abstractions;

namespace ActorPod.Actors.Tests;

/// <summary>
/// Random command sequences against one container at a time, every reply and state checked against a reference
/// model of the state machine. Seeded and bounded in time; a failure names its seed and step.
/// </summary>
public sealed class LifecycleModelTests(ITestOutputHelper output) : ActorTestBase
{
    static readonly string[] Verbs =
        ["init", "start", "stop", "kill", "pause", "unpause", "restart", "remove", "remove-force", "exit"];

    [Fact]
    public void Random_command_sequences_follow_the_reference_model()
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        for (var seed = 1; seed <= 4 && DateTime.UtcNow < until; seed++)
        {
            try
            {
                RunSequence(seed, steps: 60, until);
            }
            catch (Exception e)
            {
                output.WriteLine($"model test failed with seed {seed}");
                throw new Xunit.Sdk.XunitException($"seed {seed}: {e.Message}");
            }
        }
    }

    void RunSequence(int seed, int steps, DateTime until)
    {
        var random = new Random(seed);
        var id = Create();
        var model = ContainerStatus.Configured;
        for (var step = 0; step < steps && DateTime.UtcNow < until; step++)
        {
            var verb = Verbs[random.Next(Verbs.Length)];
            var (expectOk, next) = Model(model, verb);
            var ok = Perform(id, verb);
            Assert.True(expectOk == ok, $"step {step}: {verb} in {model}: expected ok={expectOk}, got ok={ok}");

            if (next == ContainerStatus.Removed)
            {
                id = Create();
                model = ContainerStatus.Configured;
                continue;
            }

            model = next;
            Assert.True(Inspect(id).Status == model, $"step {step}: after {verb} model says {model}, actor says "
                + Inspect(id).Status);
        }

        Ask<CommandSucceeded>(new RemoveContainer(id, Force: true));
    }

    /// <summary>The reference: whether the verb is accepted in the state, and the state it leads to.</summary>
    static (bool Ok, ContainerStatus Next) Model(ContainerStatus s, string verb) => (verb, s) switch
    {
        ("init", ContainerStatus.Configured or ContainerStatus.Stopped) => (true, ContainerStatus.Created),
        ("init", _) => (false, s),
        ("start", ContainerStatus.Paused) => (false, s),
        ("start", _) => (true, ContainerStatus.Running),
        ("stop", ContainerStatus.Running or ContainerStatus.Paused) => (true, ContainerStatus.Stopped),
        ("stop", _) => (true, s),
        ("kill", ContainerStatus.Running or ContainerStatus.Paused) => (true, ContainerStatus.Stopped),
        ("kill", _) => (false, s),
        ("pause", ContainerStatus.Running) => (true, ContainerStatus.Paused),
        ("pause", _) => (false, s),
        ("unpause", ContainerStatus.Paused) => (true, ContainerStatus.Running),
        ("unpause", _) => (false, s),
        ("restart", ContainerStatus.Paused) => (false, s),
        ("restart", _) => (true, ContainerStatus.Running),
        ("remove", ContainerStatus.Running or ContainerStatus.Paused) => (false, s),
        ("remove" or "remove-force", _) => (true, ContainerStatus.Removed),
        ("exit", ContainerStatus.Running) => (true, ContainerStatus.Stopped),
        ("exit", _) => (true, s),
        _ => throw new ArgumentException(verb),
    };

    bool Perform(string id, string verb)
    {
        if (verb == "exit")
        {
            if (Inspect(id).Status == ContainerStatus.Running)
            {
                Runtime.ExitNow(id, 3);
                AwaitStopped(id);
            }

            return true;
        }

        object command = verb switch
        {
            "init" => new InitContainer(id),
            "start" => new StartContainer(id),
            "stop" => new StopContainer(id, 1),
            "kill" => new KillContainer(id),
            "pause" => new PauseContainer(id),
            "unpause" => new UnpauseContainer(id),
            "restart" => new RestartContainer(id, 1),
            "remove" => new RemoveContainer(id),
            _ => new RemoveContainer(id, Force: true),
        };
        var reply = Ask<object>(command);
        if (verb == "kill" && reply is CommandSucceeded)
        {
            // The kill is answered when the signal is out; the exit follows.
            AwaitStopped(id);
        }

        return reply switch
        {
            CommandSucceeded => true,
            CommandFailed => false,
            _ => throw new Xunit.Sdk.XunitException($"unexpected reply {reply}"),
        };
    }

    void AwaitStopped(string id) => Ask<WaitSucceeded>(new WaitContainer(id, WaitCondition.Stopped));
}
