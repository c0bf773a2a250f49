using ActorPod.Api.Http;
using ActorPod.Messages.Commands;
using ActorPod.Messages.Replies;

namespace ActorPod.Api.Endpoints;

/// <summary>
/// Work on a container's root file system with it mounted through the container's actor (counted), so storage
/// never goes away under a copy or an export.
/// </summary>
public static class MountedRoot
{
    public static async Task WithAsync(HttpContext ctx, ApiServices api, string container,
        Func<ContainerMounted, Task> work)
    {
        var mounted = await api.Registry.AskAsync<ContainerMounted>(new MountContainer(container), ctx.RequestAborted);
        try
        {
            await work(mounted);
        }
        finally
        {
            await ReleaseAsync(api, mounted);
        }
    }

    // A running container's own mount holds the tree and unmount is refused while it runs: its extra count goes
    // with the container's next cleanup or removal, which unmount by force.
    static async Task ReleaseAsync(ApiServices api, ContainerMounted mounted)
    {
        if (mounted.Live)
        {
            return;
        }

        try
        {
            await api.Registry.AskAsync<CommandSucceeded>(new UnmountContainer(mounted.ContainerId),
                CancellationToken.None);
        }
        catch (ApiException e)
        {
            api.Log.Warning("Container {ContainerId}: unmount after a copy failed: {Reason}", mounted.ContainerId,
                e.Message);
        }
    }
}
