using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace ActorPod.Messages.Sharding;

/// <summary>
/// <see cref="ContainerEnvelope"/> across remoting: the node and container id as JSON, the message inside by the
/// serializer bound to its own type (the public commands by <c>MessageSerializer</c>), so the envelope carries any
/// message the receiving member can read. Bound by <c>MessageSerialization.Hocon</c>.
/// </summary>
public sealed class ContainerEnvelopeSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Fixed: every member must agree on it.</summary>
    public override int Identifier => 7103;

    /// <inheritdoc />
    public override string Manifest(object o) => nameof(ContainerEnvelope);

    /// <inheritdoc />
    public override byte[] ToBinary(object obj)
    {
        var envelope = (ContainerEnvelope)obj;
        var inner = system.Serialization.FindSerializerFor(envelope.Message);
        var wire = new Wire(envelope.Node, envelope.ContainerId, inner.Identifier,
            Akka.Serialization.Serialization.ManifestFor(inner, envelope.Message), inner.ToBinary(envelope.Message));
        return JsonSerializer.SerializeToUtf8Bytes(wire);
    }

    /// <inheritdoc />
    public override object FromBinary(byte[] bytes, string manifest)
    {
        var wire = JsonSerializer.Deserialize<Wire>(bytes)
            ?? throw new System.Runtime.Serialization.SerializationException("container envelope is empty");
        var message = system.Serialization.Deserialize(wire.Payload, wire.SerializerId, wire.Manifest);
        return new ContainerEnvelope(wire.Node, wire.ContainerId, message);
    }

    sealed record Wire(string Node, string ContainerId, int SerializerId, string Manifest, byte[] Payload);
}
