using System.Text.Json.Serialization;

namespace ActorPod.Api.Dto;

/// <summary>One line of <c>GET /events</c>, with the legacy fields older clients still read.</summary>
public sealed record EventMessage
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("from")]
    public required string From { get; init; }

    public string Type { get; init; } = "container";

    public required string Action { get; init; }

    public required EventActor Actor { get; init; }

    [JsonPropertyName("scope")]
    public string Scope { get; init; } = "local";

    [JsonPropertyName("time")]
    public long Time { get; init; }

    [JsonPropertyName("timeNano")]
    public long TimeNano { get; init; }
}

/// <summary>The object an event is about, with attributes such as name, image and exitCode.</summary>
public sealed record EventActor(string ID, IReadOnlyDictionary<string, string> Attributes);
