using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace ActorPod.Messages.Serialization;

/// <summary>
/// Commands and replies between cluster members as JSON, under the record's own name as manifest: Akka's default
/// JSON serializer writes CLR type names, including compiler-made collection types of the sender's assembly
/// (<c>&lt;&gt;z__ReadOnlyArray</c>), which a member without that assembly cannot load. Bound by
/// <see cref="MessageSerialization.Hocon"/> on daemons in a cluster and on any system that talks to them.
/// </summary>
public sealed class MessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    /// <summary>Fixed: every member must agree on it.</summary>
    public override int Identifier => 7102;

    public override string Manifest(object o) => o.GetType().Name;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        MessageSerialization.TypesByName.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, Options)
                ?? throw new System.Runtime.Serialization.SerializationException($"message \"{manifest}\" is empty")
            : throw new System.Runtime.Serialization.SerializationException($"unknown message \"{manifest}\"");
}

/// <summary>Which records <see cref="MessageSerializer"/> carries: the public commands, replies and notices.</summary>
public static class MessageSerialization
{
    /// <summary>Record names are unique across Commands and Replies; a duplicate fails here, at start.</summary>
    public static IReadOnlyDictionary<string, Type> TypesByName { get; } = typeof(MessageSerializer).Assembly
        .GetTypes()
        .Where(t => t is { IsPublic: true, IsAbstract: false, IsInterface: false, IsEnum: false, IsClass: true })
        .Where(t => t.Namespace is "ActorPod.Messages.Commands" or "ActorPod.Messages.Replies"
            or "ActorPod.Messages.Notifications")
        .ToDictionary(t => t.Name);

    /// <summary>
    /// The serializers and their bindings (commands, replies, notices and the shard region's
    /// <see cref="Sharding.ContainerEnvelope"/>), as HOCON for an ActorSystem's configuration.
    /// </summary>
    public static string Hocon()
    {
        var bindings = string.Join("\n", TypesByName.Values.Select(t =>
            $"      \"{t.FullName}, {t.Assembly.GetName().Name}\" = actorpod-messages"));
        var envelope = typeof(Sharding.ContainerEnvelope);
        var envelopeSerializer = typeof(Sharding.ContainerEnvelopeSerializer).FullName;
        return $$"""
            akka.actor {
              serializers.actorpod-messages = "{{typeof(MessageSerializer).FullName}}, ActorPod.Messages"
              serializers.actorpod-envelope = "{{envelopeSerializer}}, ActorPod.Messages"
              serialization-bindings {
            {{bindings}}
                  "{{envelope.FullName}}, ActorPod.Messages" = actorpod-envelope
              }
            }
            """;
    }
}
