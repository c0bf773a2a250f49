namespace ActorPod.Api.Dto;

/// <summary>One row of <c>GET /images/json</c>.</summary>
public sealed record ImageSummary
{
    public required string Id { get; init; }
    public string ParentId { get; init; } = "";
    public required IReadOnlyList<string> RepoTags { get; init; }
    public IReadOnlyList<string> RepoDigests { get; init; } = [];
    public long Created { get; init; }
    public long Size { get; init; }
    public long VirtualSize { get; init; }
    public long SharedSize { get; init; } = -1;
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public int Containers { get; init; } = -1;
}

/// <summary>Docker's <c>GET /images/{name}/json</c> shape.</summary>
public sealed record ImageInspect
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> RepoTags { get; init; }
    public IReadOnlyList<string> RepoDigests { get; init; } = [];
    public string Parent { get; init; } = "";
    public string Comment { get; init; } = "";
    public required string Created { get; init; }
    public required string Architecture { get; init; }
    public required string Os { get; init; }
    public long Size { get; init; }
    public required ImageConfigDto Config { get; init; }
    public required RootFsDto RootFS { get; init; }
}

/// <summary>The Config object of an image.</summary>
public sealed record ImageConfigDto(
    IReadOnlyList<string> Env,
    IReadOnlyList<string> Cmd,
    IReadOnlyList<string> Entrypoint,
    string WorkingDir,
    string User,
    IReadOnlyDictionary<string, string> Labels,
    string? StopSignal);

/// <summary>The layers of an image.</summary>
public sealed record RootFsDto(string Type, IReadOnlyList<string> Layers);

/// <summary>A line of the JSON progress stream of load.</summary>
public sealed record StreamLine(string stream);

/// <summary>A line of the JSON progress stream of import.</summary>
public sealed record StatusLine(string status);
