using System.Text.Json.Serialization;

namespace ActorPod.Cli.Commands;

/// <summary>The Docker create body the client sends.</summary>
public sealed record CreateBody
{
    public required string Image { get; init; }
    public List<string>? Cmd { get; init; }
    public List<string>? Entrypoint { get; init; }
    public List<string> Env { get; init; } = [];
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }
    public Dictionary<string, string> Labels { get; init; } = [];
    public bool Tty { get; init; }
    public bool OpenStdin { get; init; }
    public required CreateHostConfigBody HostConfig { get; init; }
    public List<string> Requires { get; init; } = [];
}

/// <summary>The HostConfig part of the create body.</summary>
public sealed record CreateHostConfigBody(List<string> Binds, string NetworkMode, bool AutoRemove,
    RestartPolicyBody? RestartPolicy = null);

/// <summary>Docker's restart policy.</summary>
public sealed record RestartPolicyBody(string Name, int MaximumRetryCount);

/// <summary>Source-generated JSON for the client: no reflection at start-up.</summary>
// Serialization only: the client never reads a create body, and the metadata a full context configures on first use
// (properties, polymorphism looked up through attributes) was a tenth of the CPU of a `run -d`.
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(CreateBody))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
