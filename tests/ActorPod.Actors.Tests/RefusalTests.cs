using ActorPod.Messages.Commands;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;

namespace ActorPod.Actors.Tests;

public sealed class RefusalTests : ActorTestBase
{
    [Fact]
    public void Pause_of_a_configured_container_is_refused_with_its_state()
    {
        var id = Create();

        var error = Refused(new PauseContainer(id));

        Assert.Equal(ErrorKind.InvalidState, error.Kind);
        Assert.Equal($"cannot pause container {id}: it is created, not running", error.Message);
    }

    [Fact]
    public void Unpause_of_a_running_container_is_refused()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));

        var error = Refused(new UnpauseContainer(id));

        Assert.Equal($"cannot unpause container {id}: it is running, not paused", error.Message);
    }

    [Fact]
    public void Kill_of_a_stopped_container_is_refused()
    {
        var id = Create(null, "exit:0");
        Registry.Tell(new WaitContainer(id), TestActor);
        Ask<CommandSucceeded>(new StartContainer(id));
        ExpectMsg<WaitSucceeded>();

        var error = Refused(new KillContainer(id));

        Assert.Equal($"cannot kill container {id}: it is exited, not running or paused", error.Message);
    }

    [Fact]
    public void Removal_of_a_running_container_without_force_is_refused_and_changes_nothing()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));

        var error = Refused(new RemoveContainer(id));

        Assert.Equal(ErrorKind.InvalidState, error.Kind);
        Assert.Contains("stop it first or force the removal", error.Message);
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);
    }

    [Fact]
    public void Start_of_a_paused_container_is_refused()
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));
        Ask<CommandSucceeded>(new PauseContainer(id));

        var error = Refused(new StartContainer(id));

        Assert.Contains("it is paused", error.Message);
    }

    [Theory]
    [InlineData("SIGBOGUS")]
    [InlineData("99")]
    [InlineData("")]
    public void Bad_signal_is_refused_and_the_container_keeps_running(string signal)
    {
        var id = Create();
        Ask<CommandSucceeded>(new StartContainer(id));

        var error = Refused(new KillContainer(id, signal));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("invalid signal", error.Message);
        Assert.Equal(ContainerStatus.Running, Inspect(id).Status);
    }

    [Fact]
    public void Unknown_container_is_not_found()
    {
        var error = Refused(new StartContainer("nosuch"));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("no such container: nosuch", error.Message);
    }

    [Fact]
    public void Name_in_use_names_the_owner()
    {
        var owner = Create("taken");

        var error = Refused(new CreateContainer(new ContainerConfig { Image = "busybox", Name = "taken" }));

        Assert.Equal(ErrorKind.NameInUse, error.Kind);
        Assert.Contains(owner, error.Message);
        Assert.Single(Ask<ContainerList>(new ListContainers(true)).Containers);
    }

    [Theory]
    [InlineData("bad name")]
    [InlineData("-dash")]
    [InlineData("a")]
    public void Invalid_name_is_refused(string name)
    {
        var error = Refused(new CreateContainer(new ContainerConfig { Image = "busybox", Name = name }));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains("invalid container name", error.Message);
    }

    [Fact]
    public void Unknown_image_is_not_found()
    {
        var error = Refused(new CreateContainer(new ContainerConfig { Image = "nginx" }));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("no such image: nginx", error.Message);
    }

    [Fact]
    public void Unique_id_prefix_resolves_and_ambiguous_one_does_not()
    {
        var id = Create();

        Assert.Equal(id, Inspect(id[..8]).Id);
        Create();
        Create();
        var error = Refused(new InspectContainer(""));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }
}
