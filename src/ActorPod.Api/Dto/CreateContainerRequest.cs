using System.Text.Json.Serialization;

namespace ActorPod.Api.Dto;

/// <summary>The part of Docker's create body that ActorPod honours; other fields are ignored, as Docker does.</summary>
public sealed record CreateContainerRequest
{
    public string? Image { get; init; }

    [JsonConverter(typeof(StringOrListConverter))]
    public List<string>? Cmd { get; init; }

    [JsonConverter(typeof(StringOrListConverter))]
    public List<string>? Entrypoint { get; init; }

    public List<string>? Env { get; init; }
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }
    public Dictionary<string, string>? Labels { get; init; }
    public bool Tty { get; init; }
    public bool OpenStdin { get; init; }
    public string? StopSignal { get; init; }
    public int? StopTimeout { get; init; }
    public CreateHostConfig? HostConfig { get; init; }

    /// <summary>ActorPod's extension: names or ids of containers that must run before this one.</summary>
    public List<string>? Requires { get; init; }
}

/// <summary>The HostConfig fields ActorPod honours.</summary>
public sealed record CreateHostConfig
{
    public List<string>? Binds { get; init; }
    public string? NetworkMode { get; init; }
    public bool AutoRemove { get; init; }
    public RestartPolicyDto? RestartPolicy { get; init; }
}

/// <summary>The reply to a create.</summary>
public sealed record CreateContainerResponse(string Id, IReadOnlyList<string> Warnings);

/// <summary>The reply to a wait.</summary>
public sealed record WaitResponse(int StatusCode, WaitError? Error);

/// <summary>Why a wait ended without a plain exit code.</summary>
public sealed record WaitError(string Message);
