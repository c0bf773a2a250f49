using ActorPod.Actors.Containers;
using ActorPod.Actors.Tests.Fakes;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Tests;

/// <summary>A new actor system on the same journal sees the same containers, reconciled with the runtime.</summary>
public sealed class RecoveryTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("actorpod-recovery-").FullName;
    readonly FakeRuntime _runtime = new();
    readonly FakeStorage _storage = new();

    string Database => Path.Combine(_dir, "journal.db");

    ContainerDependencies Deps => new(_runtime, _storage, _storage, "node-a", TimeSpan.FromSeconds(1));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Containers_recover_with_their_state_in_a_new_actor_system()
    {
        string running, exited, configured;
        await using (var first = SqliteSystem.Start(Database, Deps))
        {
            running = await CreateAsync(first, "running", "sleep");
            exited = await CreateAsync(first, "exited", "exit:3");
            configured = await CreateAsync(first, "configured", "sleep");
            await first.Ask<CommandSucceeded>(new StartContainer(running));
            var wait = first.Ask<WaitSucceeded>(new WaitContainer(exited));
            await first.Ask<CommandSucceeded>(new StartContainer(exited));
            await wait;
        }

        await using var second = SqliteSystem.Start(Database, Deps);

        var list = (await second.Ask<ContainerList>(new ListContainers(All: true))).Containers;
        Assert.Equal(3, list.Count);
        Assert.Equal(ContainerStatus.Running, (await InspectAsync(second, running)).Status);
        var stopped = await InspectAsync(second, exited);
        Assert.Equal((ContainerStatus.Stopped, 3), (stopped.Status, stopped.ExitCode));
        Assert.Equal(ContainerStatus.Configured, (await InspectAsync(second, configured)).Status);
    }

    [Fact]
    public async Task After_a_clean_stop_only_containers_with_something_to_reconcile_recover_at_once()
    {
        string running, idle;
        await using (var first = SqliteSystem.Start(Database, Deps))
        {
            running = await CreateAsync(first, "running", "sleep");
            idle = await CreateAsync(first, "idle", "sleep");
            await first.Ask<CommandSucceeded>(new StartContainer(running));
        }

        await using var second = SqliteSystem.Start(Database, Deps);

        var list = (await second.Ask<ContainerList>(new ListContainers(All: true))).Containers;
        Assert.Equal([ContainerStatus.Configured, ContainerStatus.Running],
            list.OrderBy(c => c.Name).Select(c => c.Status));
        Assert.False(await HasActorAsync(second, idle));
        Assert.True(await HasActorAsync(second, running));
        await second.Ask<CommandSucceeded>(new StartContainer(idle));
        Assert.Equal(ContainerStatus.Running, (await InspectAsync(second, idle)).Status);
    }

    [Fact]
    public async Task A_crash_after_a_clean_start_does_not_bring_back_the_old_listing()
    {
        string idle;
        await using (var first = SqliteSystem.Start(Database, Deps))
        {
            idle = await CreateAsync(first, "idle", "sleep");
        }

        await using (var second = SqliteSystem.Start(Database, Deps, dies: true))
        {
            await second.Ask<CommandSucceeded>(new StartContainer(idle));
        }

        await using var third = SqliteSystem.Start(Database, Deps);

        var list = (await third.Ask<ContainerList>(new ListContainers(All: true))).Containers;
        Assert.Equal(ContainerStatus.Running, Assert.Single(list).Status);
    }

    static async Task<bool> HasActorAsync(SqliteSystem system, string id)
    {
        try
        {
            // The container's entity: region "container", shard "node-a" (its node), entity id = container id.
            await system.System.ActorSelection($"/system/sharding/container/node-a/{id}")
                .ResolveOne(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Akka.Actor.ActorNotFoundException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Container_that_exited_while_the_supervisor_was_down_gets_its_real_exit_code()
    {
        string id;
        await using (var first = SqliteSystem.Start(Database, Deps))
        {
            id = await CreateAsync(first, "sleeper", "sleep");
            await first.Ask<CommandSucceeded>(new StartContainer(id));
        }

        _runtime.AnnounceExits = false;
        _runtime.ExitNow(id, 42);
        _runtime.AnnounceExits = true;
        await using var second = SqliteSystem.Start(Database, Deps);

        var waited = await second.Ask<WaitSucceeded>(new WaitContainer(id));

        Assert.Equal(42, waited.ExitCode);
        Assert.Equal(ContainerStatus.Stopped, (await InspectAsync(second, id)).Status);
    }

    [Fact]
    public async Task Container_whose_runtime_vanished_is_marked_stopped_with_a_reason()
    {
        string id;
        await using (var first = SqliteSystem.Start(Database, Deps))
        {
            id = await CreateAsync(first, "ghost", "sleep");
            await first.Ask<CommandSucceeded>(new StartContainer(id));
        }

        await _runtime.DeleteAsync(id, CancellationToken.None);
        await using var second = SqliteSystem.Start(Database, Deps);

        var waited = await second.Ask<WaitSucceeded>(new WaitContainer(id));

        Assert.Contains("vanished", waited.Error);
        Assert.Contains("vanished", (await InspectAsync(second, id)).Error);
    }

    [Fact]
    public async Task After_a_crash_the_registry_knows_which_containers_have_a_snapshot_and_all_recover()
    {
        string busy, quiet;
        var first = Deps with { SnapshotEvery = 2 };
        await using (var system = SqliteSystem.Start(Database, first, dies: true))
        {
            busy = await CreateAsync(system, "busy", "sleep");
            quiet = await CreateAsync(system, "quiet", "sleep");
            await system.Ask<CommandSucceeded>(new StartContainer(busy));
            await system.Ask<CommandSucceeded>(new StopContainer(busy, 0));
            await AwaitConditionAsync(() => first.Snapshots.Contains(busy));
        }

        var second = Deps with { SnapshotEvery = 2 };
        await using var again = SqliteSystem.Start(Database, second, dies: true);

        var list = (await again.Ask<ContainerList>(new ListContainers(All: true))).Containers;
        Assert.Equal([("busy", ContainerStatus.Stopped), ("quiet", ContainerStatus.Configured)],
            list.OrderBy(c => c.Name).Select(c => (c.Name, c.Status)));
        Assert.True(second.Snapshots.Contains(busy));
        Assert.False(second.Snapshots.MayHaveSnapshot(quiet));

        // The one that replayed without a snapshot journals on from where it was.
        await again.Ask<CommandSucceeded>(new StartContainer(quiet));
        Assert.Equal(ContainerStatus.Running, (await InspectAsync(again, quiet)).Status);
    }

    static async Task AwaitConditionAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Names_stay_taken_and_removed_names_stay_free_after_recovery()
    {
        await using (var first = SqliteSystem.Start(Database, Deps))
        {
            await CreateAsync(first, "kept", "sleep");
            var gone = await CreateAsync(first, "gone", "sleep");
            await first.Ask<CommandSucceeded>(new RemoveContainer(gone));
        }

        await using var second = SqliteSystem.Start(Database, Deps);

        var clash = await second.Ask<CommandFailed>(Create("kept"));
        Assert.Equal(ErrorKind.NameInUse, clash.Error.Kind);
        await second.Ask<CreateSucceeded>(Create("gone"));
    }

    [Fact]
    public async Task Journal_written_by_an_earlier_build_still_loads()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "journal-v1.db"), Database);

        await using var system = SqliteSystem.Start(Database, Deps);

        var list = (await system.Ask<ContainerList>(new ListContainers(All: true))).Containers
            .OrderBy(c => c.Name).ToList();
        Assert.Equal(["fixture-configured", "fixture-exited"], list.Select(c => c.Name));
        Assert.Equal(ContainerStatus.Configured, list[0].Status);
        Assert.Equal((ContainerStatus.Stopped, 3), (list[1].Status, list[1].ExitCode));
        Assert.Equal(["echo", "fixture"], list[0].Spec.Args);
    }

    static CreateContainer Create(string name, string cmd = "sleep") =>
        new(new ContainerConfig { Image = "busybox", Name = name, Cmd = [cmd] });

    static async Task<string> CreateAsync(SqliteSystem system, string name, string cmd) =>
        (await system.Ask<CreateSucceeded>(Create(name, cmd))).ContainerId;

    static async Task<ContainerInfo> InspectAsync(SqliteSystem system, string id) =>
        (await system.Ask<ContainerDetails>(new InspectContainer(id))).Info;
}
