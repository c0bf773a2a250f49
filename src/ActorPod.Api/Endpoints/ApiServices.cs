using ActorPod.Api.Http;
using ActorPod.Storage;

namespace ActorPod.Api.Endpoints;

/// <summary>What every endpoint group needs: the registry, the image store, the options and the log.</summary>
public sealed record ApiServices(Registry Registry, IImageStore Images, DockerApiOptions Options, Serilog.ILogger Log)
{
    /// <summary>The containers' list entries, serialized once per change.</summary>
    public Mapping.ContainerSummaryJson Summaries { get; } = new();
}
