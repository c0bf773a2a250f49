using System.Text.Json.Serialization;
using ActorPod.Api.Dto;

namespace ActorPod.Api.Http;

/// <summary>
/// Serialization code generated at build time for the replies that grow with the number of containers, so that a
/// listing of a thousand rows is written without reflection. Its options are <see cref="ApiJson.Options"/>'.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(List<ContainerSummary>))]
[JsonSerializable(typeof(ContainerInspect))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
