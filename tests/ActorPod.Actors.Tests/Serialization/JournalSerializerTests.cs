using System.Text;
using System.Text.Json;
using ActorPod.Actors.Persistence;
using ActorPod.Actors.Registry;
using ActorPod.Actors.Serialization;
using ActorPod.Core.State;
using ActorPod.Messages.Events;
using ActorPod.Messages.Model;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;

namespace ActorPod.Actors.Tests.Serialization;

public sealed class JournalSerializerTests : IDisposable
{
    const string Id = "3f2a9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f";

    const string ExecId = "5e0c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";

    static readonly DateTimeOffset At = new(2025, 3, 1, 12, 30, 45, 123, TimeSpan.FromHours(2));

    static readonly ContainerSpec Spec = new()
    {
        Image = "docker.io/library/busybox:latest",
        ImageId = "sha256:" + new string('b', 64),
        Args = ["/bin/sh", "-c", "echo hi && sleep 1000"],
        Entrypoint = ["/bin/sh", "-c"],
        Cmd = ["echo hi && sleep 1000"],
        Env = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "GREETING=hello world"],
        WorkingDir = "/srv",
        User = "1000:1000",
        Hostname = "web-1",
        Labels = new Dictionary<string, string> { ["com.example.team"] = "core", ["tier"] = "front" },
        Tty = true,
        OpenStdin = true,
        Binds = [new BindMount("/srv/data", "/data"), new BindMount("/etc/hosts", "/etc/hosts", ReadOnly: true)],
        NetworkMode = "host",
        StopSignal = "SIGINT",
        StopTimeout = 3,
        AutoRemove = true,
        RestartPolicy = new RestartPolicy("on-failure", 5),
        Requires = ["9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f3f2a", "db"],
    };

    static readonly ContainerState Snapshot = new()
    {
        Id = Id,
        Name = "web",
        Spec = Spec,
        Status = ContainerStatus.Paused,
        CreatedAt = At,
        StartedAt = At.AddSeconds(2),
        FinishedAt = At.AddSeconds(-30),
        Pid = 4242,
        ExitCode = 143,
        Error = "conmon vanished",
        RestartCount = 2,
        BundlePath = $"/var/lib/actorpod/containers/{Id}/bundle",
        LogPath = $"/var/lib/actorpod/containers/{Id}/ctr.log",
        StopRequested = true,
        Restarting = true,
        RestartDelayMs = 800,
        ExecIds = [ExecId],
    };

    static readonly RegistrySnapshot CleanSnapshot = new(
        [new ContainerRegistered(Id, "web", "node-a", At)],
        [new ContainerInfo { Id = Id, Name = "web", Status = ContainerStatus.Stopped, Spec = Spec, CreatedAt = At,
            ExitCode = 3, RestartCount = 1, Node = "node-a" }],
        [Id]);

    static readonly object[] Samples =
    [
        new ContainerCreated(Id, "web", Spec, At),
        new ContainerInitialized(Id, 4242, $"/var/lib/actorpod/containers/{Id}/bundle",
            $"/var/lib/actorpod/containers/{Id}/ctr.log", At),
        new ContainerStarted(Id, 4242, At),
        new ContainerStopRequested(Id, "SIGINT", 3, At),
        new ContainerKilled(Id, 9, At),
        new ContainerExited(Id, 137, At, "killed by SIGKILL after 3s"),
        new ContainerPaused(Id, At),
        new ContainerUnpaused(Id, At),
        new ContainerRemoving(Id, At),
        new ContainerRemoved(Id, At),
        new ContainerRestartScheduled(Id, 3, 400, At),
        new ContainerRestartCancelled(Id, "stopped by a user", At, ByUser: true),
        new ExecSessionStarted(Id, ExecId, ["sh", "-c", "exit 7"], 5151, At),
        new ExecSessionEnded(Id, ExecId, 7, At, "the supervisor restarted and the session's process is gone"),
        new ContainerRegistered(Id, "web", "node-a", At),
        new ContainerUnregistered(Id, At),
        new ContainerSnapshotted(Id, At),
        Snapshot,
        CleanSnapshot,
    ];


    readonly ActorSystem _system = ActorSystem.Create("journal-serializer", ConfigurationFactory
        .ParseString("""akka.loggers = ["Akka.Event.DefaultLogger, Akka"]""")
        .WithFallback(ConfigurationFactory.ParseString(ActorPodConfig.Hocon("base"))));

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));

    [Fact]
    public void Every_journaled_type_has_a_realistic_sample()
    {
        Assert.Equal(
            JournalManifests.Types.OrderBy(t => t.Name), Samples.Select(s => s.GetType()).OrderBy(t => t.Name));
    }

    [Fact]
    public void Every_journaled_type_round_trips_through_the_journal_serializer()
    {
        Assert.All(Samples, sample =>
        {
            var serializer = Assert.IsType<JournalSerializer>(_system.Serialization.FindSerializerFor(sample));
            var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, sample);

            var back = _system.Serialization.Deserialize(serializer.ToBinary(sample), serializer.Identifier, manifest);

            Assert.IsType(sample.GetType(), back);
            AssertSame(sample, back);
        });
    }

    [Fact]
    public void Manifests_are_distinct_and_name_no_clr_type_or_namespace()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(Snapshot);
        var manifests = Samples.Select(s => Akka.Serialization.Serialization.ManifestFor(serializer, s)).ToList();

        Assert.Equal(manifests.Count, manifests.Distinct().Count());
        Assert.All(manifests.Zip(Samples), pair =>
        {
            var (manifest, sample) = pair;
            Assert.Matches("^[a-z]+(-[a-z]+)+$", manifest);
            Assert.DoesNotContain("ActorPod", manifest, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(sample.GetType().Name, manifest, StringComparison.Ordinal);
            Assert.DoesNotContain(".", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain(",", manifest, StringComparison.Ordinal);
        });
        Assert.Equal("container-exited", JournalManifests.ManifestOf(typeof(ContainerExited)));
        Assert.Equal("container-snapshot", JournalManifests.ManifestOf(typeof(ContainerState)));
    }

    [Fact]
    public void Serializer_identifier_is_fixed()
    {
        Assert.Equal(7101, _system.Serialization.FindSerializerFor(Snapshot).Identifier);
    }

    [Fact]
    public void Payload_is_a_json_object_with_camel_case_properties()
    {
        Assert.All(Samples, sample =>
        {
            var bytes = _system.Serialization.FindSerializerFor(sample).ToBinary(sample);

            using var json = JsonDocument.Parse(bytes);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            var id = sample switch
            {
                ContainerState => json.RootElement.GetProperty("id"),
                RegistrySnapshot => json.RootElement.GetProperty("rows")[0].GetProperty("id"),
                _ => json.RootElement.GetProperty("containerId"),
            };
            Assert.Equal(Id, id.GetString());
            Assert.All(json.RootElement.EnumerateObject(), p => Assert.True(char.IsLower(p.Name[0]), p.Name));
        });
    }

    [Fact]
    public void Exited_event_is_written_with_its_four_fields()
    {
        var sample = new ContainerExited(Id, 137, At, "killed");

        using var json = JsonDocument.Parse(_system.Serialization.FindSerializerFor(sample).ToBinary(sample));

        Assert.Equal(
            ["containerId", "exitCode", "at", "error"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(137, json.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void Exited_event_written_by_hand_in_todays_format_still_loads()
    {
        const string Payload = """
            {"containerId":"3f2a9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f",
             "exitCode":143,"at":"2025-03-01T12:30:45.123+02:00","error":"stopped by SIGTERM"}
            """;

        var back = Load<ContainerExited>(Payload, "container-exited");

        Assert.Equal(new ContainerExited(Id, 143, At, "stopped by SIGTERM"), back);
    }

    [Fact]
    public void Exited_event_without_an_error_field_loads_with_none()
    {
        var back = Load<ContainerExited>(
            $$"""{"containerId":"{{Id}}","exitCode":0,"at":"2025-03-01T12:30:45.123+02:00"}""", "container-exited");

        Assert.Null(back.Error);
        Assert.Equal(0, back.ExitCode);
    }

    [Fact]
    public void Created_event_written_by_hand_in_todays_format_still_loads()
    {
        const string Payload = """
            {
              "containerId": "3f2a9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f",
              "name": "web",
              "spec": {
                "image": "docker.io/library/busybox:latest",
                "imageId": "sha256:bbbb",
                "args": ["/bin/sh", "-c", "sleep 1000"],
                "entrypoint": ["/bin/sh", "-c"],
                "cmd": ["sleep 1000"],
                "env": ["PATH=/bin", "A=b c"],
                "workingDir": "/srv",
                "user": "1000:1000",
                "hostname": "web-1",
                "labels": {"tier": "front", "com.example.team": "core"},
                "tty": true,
                "openStdin": false,
                "binds": [{"source": "/srv/data", "destination": "/data", "readOnly": true}],
                "networkMode": "host",
                "stopSignal": "SIGINT",
                "stopTimeout": 3,
                "autoRemove": true
              },
              "at": "2025-03-01T12:30:45.123+02:00"
            }
            """;

        var back = Load<ContainerCreated>(Payload, "container-created");

        Assert.Equal(Id, back.ContainerId);
        Assert.Equal("web", back.Name);
        Assert.Equal(At, back.At);
        Assert.Equal("docker.io/library/busybox:latest", back.Spec.Image);
        Assert.Equal("sha256:bbbb", back.Spec.ImageId);
        Assert.Equal(["/bin/sh", "-c", "sleep 1000"], back.Spec.Args);
        Assert.Equal(["/bin/sh", "-c"], back.Spec.Entrypoint);
        Assert.Equal(["sleep 1000"], back.Spec.Cmd);
        Assert.Equal(["PATH=/bin", "A=b c"], back.Spec.Env);
        Assert.Equal("/srv", back.Spec.WorkingDir);
        Assert.Equal("1000:1000", back.Spec.User);
        Assert.Equal("web-1", back.Spec.Hostname);
        Assert.Equal("front", back.Spec.Labels["tier"]);
        Assert.Equal("core", back.Spec.Labels["com.example.team"]);
        Assert.Equal(2, back.Spec.Labels.Count);
        Assert.True(back.Spec.Tty);
        Assert.False(back.Spec.OpenStdin);
        Assert.Equal([new BindMount("/srv/data", "/data", ReadOnly: true)], back.Spec.Binds);
        Assert.Equal("host", back.Spec.NetworkMode);
        Assert.Equal("SIGINT", back.Spec.StopSignal);
        Assert.Equal(3, back.Spec.StopTimeout);
        Assert.True(back.Spec.AutoRemove);
    }

    [Fact]
    public void Created_event_with_a_minimal_spec_loads_with_the_spec_defaults()
    {
        var payload = $$$"""
            {"containerId":"{{{Id}}}","name":"web","at":"2025-03-01T12:30:45.123+02:00",
             "spec":{"image":"busybox","imageId":"sha256:bbbb","args":["sh"]}}
            """;

        var spec = Load<ContainerCreated>(payload, "container-created").Spec;

        Assert.Equal(["sh"], spec.Args);
        Assert.Empty(spec.Env);
        Assert.Empty(spec.Labels);
        Assert.Empty(spec.Binds);
        Assert.Equal("/", spec.WorkingDir);
        Assert.Equal("0:0", spec.User);
        Assert.Equal("none", spec.NetworkMode);
        Assert.Equal("SIGTERM", spec.StopSignal);
        Assert.Equal(10, spec.StopTimeout);
    }

    [Fact]
    public void Unknown_manifest_is_refused_naming_it()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(Snapshot);

        var ex = Assert.Throws<ArgumentException>(() => serializer.FromBinary("{}"u8.ToArray(), "container-exploded"));

        Assert.Equal("unknown journal manifest \"container-exploded\"", ex.Message);
    }

    [Fact]
    public void Type_without_a_manifest_is_refused_naming_the_table()
    {
        var ex = Assert.Throws<ArgumentException>(() => JournalManifests.ManifestOf(typeof(ContainerSpec)));

        Assert.Contains(typeof(ContainerSpec).FullName!, ex.Message);
        Assert.Contains(nameof(JournalManifests), ex.Message);
    }

    [Fact]
    public void Null_payload_is_refused_naming_the_manifest()
    {
        var serializer = (SerializerWithStringManifest)_system.Serialization.FindSerializerFor(Snapshot);

        var ex = Assert.Throws<System.Runtime.Serialization.SerializationException>(
            () => serializer.FromBinary("null"u8.ToArray(), "container-exited"));

        Assert.Contains("container-exited", ex.Message);
    }

    T Load<T>(string payload, string manifest)
    {
        var serializer = _system.Serialization.FindSerializerFor(Snapshot);
        return Assert.IsType<T>(
            _system.Serialization.Deserialize(Encoding.UTF8.GetBytes(payload), serializer.Identifier, manifest));
    }

    static void AssertSame(object expected, object actual)
    {
        switch (expected)
        {
            case ContainerCreated created:
                var back = (ContainerCreated)actual;
                Assert.Equal((created.ContainerId, created.Name, created.At), (back.ContainerId, back.Name, back.At));
                AssertSameSpec(created.Spec, back.Spec);
                break;
            case ContainerState state:
                var copy = (ContainerState)actual;
                AssertSameSpec(state.Spec!, copy.Spec!);
                Assert.Equal(state.ExecIds, copy.ExecIds);
                Assert.Equal(state with { Spec = null, ExecIds = [] }, copy with { Spec = null, ExecIds = [] });
                Assert.True(copy.Exists);
                break;
            case RegistrySnapshot registry:
                var registryBack = (RegistrySnapshot)actual;
                Assert.Equal(registry.Names, registryBack.Names);
                Assert.Equal(registry.Snapshotted, registryBack.Snapshotted);
                AssertSameSpec(registry.Rows[0].Spec, registryBack.Rows[0].Spec);
                Assert.Equal(registry.Rows[0] with { Spec = Spec, ExecIds = [] },
                    registryBack.Rows[0] with { Spec = Spec, ExecIds = [] });
                break;
            case ExecSessionStarted started:
                var startedBack = (ExecSessionStarted)actual;
                Assert.Equal(started.Args, startedBack.Args);
                Assert.Equal(started with { Args = [] }, startedBack with { Args = [] });
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }

    static void AssertSameSpec(ContainerSpec expected, ContainerSpec actual)
    {
        Assert.Equal(expected.Args, actual.Args);
        Assert.Equal(expected.Entrypoint, actual.Entrypoint);
        Assert.Equal(expected.Cmd, actual.Cmd);
        Assert.Equal(expected.Env, actual.Env);
        Assert.Equal(expected.Binds, actual.Binds);
        Assert.Equal(expected.Labels.OrderBy(l => l.Key), actual.Labels.OrderBy(l => l.Key));
        Assert.Equal(expected.Requires, actual.Requires);
        Assert.Equal(expected.RestartPolicy, actual.RestartPolicy);
        var scalars = new[] { expected, actual }.Select(s => s with
        {
            Args = [], Entrypoint = [], Cmd = [], Env = [], Binds = [], Labels = new Dictionary<string, string>(),
            Requires = [],
        }).ToList();
        Assert.Equal(
            (expected.Image, expected.ImageId, expected.WorkingDir, expected.User, expected.Hostname, expected.Tty),
            (actual.Image, actual.ImageId, actual.WorkingDir, actual.User, actual.Hostname, actual.Tty));
        Assert.Equal(
            (expected.OpenStdin, expected.NetworkMode, expected.StopSignal, expected.StopTimeout, expected.AutoRemove),
            (actual.OpenStdin, actual.NetworkMode, actual.StopSignal, actual.StopTimeout, actual.AutoRemove));
        Assert.Equal(scalars[0].ToString(), scalars[1].ToString());
    }
}
