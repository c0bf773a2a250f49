using System.Runtime.Serialization;
using System.Text.Json;
using ActorPod.Actors.Registry;

namespace ActorPod.Actors.Serialization;

/// <summary>
/// Registry to registry messages (<see cref="LocateContainer"/>, <see cref="PeerContainerChanged"/>, ...) as JSON
/// under their record names. Akka's default JSON serializer wrote CLR type names, including compiler-made
/// collection types inside <c>ContainerInfo</c> that it could not build again on the receiving member, so pushed
/// changes were dropped there with a deserialization warning. Bound in hocon/cluster.conf.
/// </summary>
public sealed class PeerMessageSerializer(ExtendedActorSystem system) : Akka.Serialization.SerializerWithStringManifest(
    system)
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    static readonly Dictionary<string, Type> Types = new[]
    {
        typeof(LocateContainer), typeof(ContainerLocated), typeof(PeerList), typeof(PeerContainerChanged),
        typeof(LocateExec),
    }.ToDictionary(t => t.Name);

    /// <summary>Fixed: every member must agree on it.</summary>
    public override int Identifier => 7104;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest) => Types.TryGetValue(manifest, out var type)
        ? JsonSerializer.Deserialize(bytes, type, Options)
            ?? throw new SerializationException($"registry message \"{manifest}\" is empty")
        : throw new SerializationException($"unknown registry message \"{manifest}\"");
}
