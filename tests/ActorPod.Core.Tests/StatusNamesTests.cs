using ActorPod.Messages.Model;

namespace ActorPod.Core.Tests;

public class StatusNamesTests
{
    [Theory]
    [InlineData(ContainerStatus.Configured, "created", "created")]
    [InlineData(ContainerStatus.Created, "initialized", "created")]
    [InlineData(ContainerStatus.Running, "running", "running")]
    [InlineData(ContainerStatus.Paused, "paused", "paused")]
    [InlineData(ContainerStatus.Stopped, "exited", "exited")]
    [InlineData(ContainerStatus.Removing, "removing", "removing")]
    [InlineData(ContainerStatus.Removed, "removed", "dead")]
    [InlineData(ContainerStatus.Unknown, "unknown", "dead")]
    public void Status_shows_as_podman_and_docker_words(ContainerStatus status, string podman, string docker)
    {
        Assert.Equal(podman, StatusNames.Podman(status));
        Assert.Equal(docker, StatusNames.Docker(status));
    }

    [Fact]
    public void Every_status_has_its_own_podman_word()
    {
        var statuses = Enum.GetValues<ContainerStatus>();

        Assert.Equal(statuses.Length, statuses.Select(StatusNames.Podman).Distinct().Count());
    }
}
