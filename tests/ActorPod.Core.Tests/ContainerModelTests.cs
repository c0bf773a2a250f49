using ActorPod.Core.Decisions;
using ActorPod.Core.State;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using static ActorPod.Core.Tests.TestStates;

namespace ActorPod.Core.Tests;

/// <summary>
/// Random command sequences run through Decide and Apply, with a small reference model standing in for the
/// runtime: it turns each performed effect into the events the actor would journal and predicts the status.
/// </summary>
public class ContainerModelTests
{
    const int Sequences = 500;

    const int Steps = 30;

    [Fact]
    public void Random_command_sequences_keep_state_and_reference_model_in_step()
    {
        var reached = new HashSet<ContainerStatus>();
        var performed = new HashSet<string>();

        for (var seed = 1; seed <= Sequences; seed++)
        {
            new Run(seed, reached, performed).Play(Steps);
        }

        Assert.Equal(
            [ContainerStatus.Configured, ContainerStatus.Created, ContainerStatus.Running, ContainerStatus.Paused,
                ContainerStatus.Stopped, ContainerStatus.Removing, ContainerStatus.Removed],
            reached.Order());
        Assert.Equal(["init", "kill", "pause", "remove", "start", "stop", "unpause"], performed.Order());
    }

    sealed class Run(int seed, HashSet<ContainerStatus> reached, HashSet<string> performed)
    {
        readonly Random _random = new(seed);

        readonly List<string> _trace = [];

        ContainerState _state = ContainerTransitions.Apply(Empty, Created());

        ContainerStatus _expected = ContainerStatus.Configured;

        int _nextPid = 1000;

        DateTimeOffset _clock = T0;

        public void Play(int steps)
        {
            Check("created");
            for (var step = 0; step < steps; step++)
            {
                if (IsLive(_expected) && _random.Next(6) == 0)
                {
                    _trace.Add("spontaneous exit");
                    Apply([new ContainerExited(Id, 1, Tick())]);
                    _expected = ContainerStatus.Stopped;
                }
                else
                {
                    Execute(NextCommand());
                }

                Check($"step {step}");
            }
        }

        IContainerCommand NextCommand() => _random.Next(9) switch
        {
            0 => new InitContainer(Id),
            1 or 2 => new StartContainer(Id),
            3 => new StopContainer(Id, Pick<int?>(null, 0, -1, 5, -2), Pick(null, "SIGTERM", "SIGINT", "SIGFOO")),
            4 => new KillContainer(Id, Pick("SIGKILL", "SIGTERM", "SIGUSR1", "SIGFOO")),
            5 => new PauseContainer(Id),
            6 => new UnpauseContainer(Id),
            _ => new RemoveContainer(Id, Force: _random.Next(2) == 0),
        };

        void Execute(IContainerCommand command)
        {
            var decision = ContainerDecisions.Decide(_state, command);
            _trace.Add($"{command} in {_state.Status} -> {decision}");
            switch (decision)
            {
                case Perform perform:
                    Assert.True(_expected != ContainerStatus.Removed, Context("performed on a removed container"));
                    performed.Add(perform.Effect.Command);
                    Carry(perform.Effect);
                    break;
                case AlreadyDone done:
                    var already = done.Command == "start"
                        ? _expected == ContainerStatus.Running
                        : _expected is ContainerStatus.Configured or ContainerStatus.Created or ContainerStatus.Stopped;
                    Assert.True(already, Context($"{done.Command} said already done"));
                    break;
                case Refuse refuse:
                    var kind = _expected == ContainerStatus.Removed ? ErrorKind.NotFound : refuse.Error.Kind;
                    Assert.True(refuse.Error.Kind == kind, Context("a removed container must be not found"));
                    Assert.True(refuse.Error.Kind != ErrorKind.InvalidState || refuse.Error.Message.Contains(Id),
                        Context("refusal without the container id"));
                    break;
                default:
                    Assert.Fail(Context($"unexpected decision {decision}"));
                    break;
            }
        }

        /// <summary>What the runtime and the actor make of each effect.</summary>
        void Carry(Effect effect)
        {
            switch (effect)
            {
                case InitEffect:
                    Apply([Initialized()]);
                    _expected = ContainerStatus.Created;
                    break;
                case StartEffect start:
                    var pid = start.InitFirst ? _nextPid++ : _state.Pid;
                    Apply(start.InitFirst
                        ? [Initialized(pid), new ContainerStarted(Id, pid, Tick())]
                        : [new ContainerStarted(Id, pid, Tick())]);
                    _expected = ContainerStatus.Running;
                    break;
                case StopEffect stop:
                    Apply([
                        new ContainerStopRequested(Id, Signals.NameOf(stop.Signal), stop.TimeoutSeconds, Tick()),
                        new ContainerExited(Id, 128 + stop.Signal, Tick()),
                    ]);
                    _expected = ContainerStatus.Stopped;
                    break;
                case KillEffect kill:
                    Apply([new ContainerKilled(Id, kill.Signal, Tick())]);
                    if (kill.Signal is Signals.Kill or Signals.Term)
                    {
                        Apply([new ContainerExited(Id, 128 + kill.Signal, Tick())]);
                        _expected = ContainerStatus.Stopped;
                    }

                    break;
                case PauseEffect:
                    Apply([new ContainerPaused(Id, Tick())]);
                    _expected = ContainerStatus.Paused;
                    break;
                case UnpauseEffect:
                    Apply([new ContainerUnpaused(Id, Tick())]);
                    _expected = ContainerStatus.Running;
                    break;
                case RemoveEffect remove:
                    Remove(remove);
                    break;
                default:
                    Assert.Fail(Context($"no reference for effect {effect}"));
                    break;
            }
        }

        void Remove(RemoveEffect remove)
        {
            Assert.True(remove.KillFirst == HasProcess(_expected),
                Context("KillFirst must be set exactly when a process may exist"));
            Assert.True(remove.ThawFirst == (_expected == ContainerStatus.Paused), Context("ThawFirst"));
            if (remove.KillFirst)
            {
                Apply([new ContainerExited(Id, 137, Tick())]);
            }

            if (_expected != ContainerStatus.Removing)
            {
                Apply([new ContainerRemoving(Id, Tick())]);
            }

            // Now and then the supervisor dies halfway; the next removal finishes the job.
            if (_random.Next(5) == 0)
            {
                _trace.Add("crash during removal");
                _expected = ContainerStatus.Removing;
                return;
            }

            Apply([new ContainerRemoved(Id, Tick())]);
            _expected = ContainerStatus.Removed;
        }

        void Apply(IReadOnlyList<IContainerEvent> events)
        {
            foreach (var evt in events)
            {
                try
                {
                    _state = ContainerTransitions.Apply(_state, evt);
                }
                catch (InvalidTransitionException ex)
                {
                    Assert.Fail(Context($"Decide performed something Apply rejects: {ex.Message}"));
                }
            }
        }

        void Check(string where)
        {
            reached.Add(_state.Status);
            Assert.True(_state.Status == _expected, Context($"{where}: expected {_expected}, is {_state.Status}"));
            Assert.True(_state.Pid > 0 == HasProcess(_state.Status),
                Context($"{where}: pid {_state.Pid} in {_state.Status}"));
            Assert.True(_state.Status != ContainerStatus.Stopped || _state.FinishedAt is not null,
                Context($"{where}: stopped without a finish time"));
            Assert.True(_state.Status != ContainerStatus.Running || _state.StartedAt is not null,
                Context($"{where}: running without a start time"));
            Assert.True(_state.Exists == (_expected != ContainerStatus.Removed), Context($"{where}: Exists"));
        }

        string Context(string what) =>
            $"seed {seed}: {what}{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", _trace);

        DateTimeOffset Tick() => _clock = _clock.AddSeconds(1 + _random.Next(60));

        T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];

        ContainerInitialized Initialized(int? pid = null) =>
            new(Id, pid ?? _nextPid++, $"/run/actorpod/{Id}", $"/var/log/actorpod/{Id}.log", Tick());

        static bool IsLive(ContainerStatus status) => status is ContainerStatus.Running or ContainerStatus.Paused;

        static bool HasProcess(ContainerStatus status) => IsLive(status) || status == ContainerStatus.Created;
    }
}
