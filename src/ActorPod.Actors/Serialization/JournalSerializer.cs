using System.Text.Json;
using Akka.Serialization;

namespace ActorPod.Actors.Serialization;

/// <summary>
/// Writes journal events and snapshots as JSON under stable manifests (<see cref="JournalManifests"/>), never CLR
/// type names, so a journal survives renames and upgrades. Bound in hocon/base.conf.
/// </summary>
public sealed class JournalSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
    };

    /// <summary>Fixed forever: it is written next to every event in the journal.</summary>
    public override int Identifier => 7101;

    public override string Manifest(object o) => JournalManifests.ManifestOf(o.GetType());

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, JournalManifests.TypeOf(manifest), Options)
        ?? throw new System.Runtime.Serialization.SerializationException(
            $"journal entry with manifest \"{manifest}\" is empty");
}
