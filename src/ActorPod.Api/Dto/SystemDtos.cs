namespace ActorPod.Api.Dto;

/// <summary>Docker's error body.</summary>
public sealed record ErrorResponse(string message);

/// <summary>The answer to <c>GET /version</c>.</summary>
public sealed record VersionResponse
{
    public required string Version { get; init; }
    public required string ApiVersion { get; init; }
    public required string MinAPIVersion { get; init; }
    public required string GitCommit { get; init; }
    public string GoVersion { get; init; } = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
    public string Os { get; init; } = "linux";
    public string Arch { get; init; } = "amd64";
    public required string KernelVersion { get; init; }
    public string BuildTime { get; init; } = "";
    public IReadOnlyList<VersionComponent> Components { get; init; } = [];
}

/// <summary>
/// One component of the engine as <c>/version</c> lists it. The docker CLI prints the server's API versions, Go
/// version, OS and architecture from the Engine component's details, not from the top level.
/// </summary>
public sealed record VersionComponent(string Name, string Version, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>The answer to <c>GET /info</c> (the fields clients read; Docker has many more).</summary>
public sealed record InfoResponse
{
    public required string ID { get; init; }
    public int Containers { get; init; }
    public int ContainersRunning { get; init; }
    public int ContainersPaused { get; init; }
    public int ContainersStopped { get; init; }
    public int Images { get; init; }
    public string Driver { get; init; } = "overlay";
    public string OperatingSystem { get; init; } = "linux";
    public string OSType { get; init; } = "linux";
    public string Architecture { get; init; } = "x86_64";
    public int NCPU { get; init; } = Environment.ProcessorCount;
    public long MemTotal { get; init; }
    public required string Name { get; init; }
    public required string ServerVersion { get; init; }
    public required string KernelVersion { get; init; }
    public required string DockerRootDir { get; init; }
    public string CgroupVersion { get; init; } = "1";
    public string CgroupDriver { get; init; } = "cgroupfs";
    public string LoggingDriver { get; init; } = "k8s-file";
    public bool Debug { get; init; }
    public bool ExperimentalBuild { get; init; }
    public string DefaultRuntime { get; init; } = "runc";
    public IReadOnlyList<string> SecurityOptions { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
