using ActorPod.Messages.Commands;
using ActorPod.Messages.Sharding;

namespace ActorPod.Actors.Tests.Sharding;

/// <summary>The envelope of the container shard region and its extractor, as other members see them.</summary>
public sealed class ContainerEnvelopeTests : ActorTestBase
{
    const string Id = "3f2a9c01b7d4e5f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f";

    [Fact]
    public void Envelope_crosses_remoting_with_its_command_inside()
    {
        var envelope = new ContainerEnvelope("node3", Id, new StopContainer(Id, 5));
        var serializer = Sys.Serialization.FindSerializerFor(envelope);

        var bytes = serializer.ToBinary(envelope);
        var back = Sys.Serialization.Deserialize(bytes, serializer.Identifier,
            Akka.Serialization.Serialization.ManifestFor(serializer, envelope));

        Assert.IsType<ContainerEnvelopeSerializer>(serializer);
        var copy = Assert.IsType<ContainerEnvelope>(back);
        Assert.Equal(("node3", Id), (copy.Node, copy.ContainerId));
        Assert.Equal(new StopContainer(Id, 5), copy.Message);
    }

    [Fact]
    public void Extractor_takes_the_node_as_shard_and_the_container_as_entity()
    {
        var extractor = ContainerMessageExtractor.Instance;
        var envelope = new ContainerEnvelope("node3", Id, new InspectContainer(Id));

        Assert.Equal("node3", extractor.ShardId(envelope));
        Assert.Equal(Id, extractor.EntityId(envelope));
        Assert.Equal(new InspectContainer(Id), extractor.EntityMessage(envelope));
        Assert.Null(extractor.ShardId(new InspectContainer(Id)));
        Assert.Throws<NotSupportedException>(() => extractor.ShardId(Id, null));
    }
}
