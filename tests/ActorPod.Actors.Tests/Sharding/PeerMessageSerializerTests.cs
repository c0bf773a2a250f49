using ActorPod.Actors.Registry;
using ActorPod.Actors.Serialization;
using ActorPod.Messages.Model;

namespace ActorPod.Actors.Tests.Sharding;

/// <summary>What one registry tells another crosses remoting whole, collections inside rows included.</summary>
public sealed class PeerMessageSerializerTests : ActorTestBase
{
    [Fact]
    public void Pushed_row_of_another_node_survives_the_trip()
    {
        var id = Create("pushed", "sleep", "1000");
        var row = Inspect(id);
        var pushed = new PeerContainerChanged("node-a", row);
        var serializer = Sys.Serialization.FindSerializerFor(pushed);

        var back = Sys.Serialization.Deserialize(serializer.ToBinary(pushed), serializer.Identifier,
            Akka.Serialization.Serialization.ManifestFor(serializer, pushed));

        Assert.IsType<PeerMessageSerializer>(serializer);
        var copy = Assert.IsType<PeerContainerChanged>(back);
        Assert.Equal(("node-a", id, "pushed", ContainerStatus.Configured),
            (copy.Node, copy.Info.Id, copy.Info.Name, copy.Info.Status));
        Assert.Equal(["sleep", "1000"], copy.Info.Spec.Args);
    }

    [Fact]
    public void Questions_and_answers_between_registries_keep_their_fields()
    {
        foreach (var message in new object[]
                 {
                     new LocateContainer("web", NameOnly: true), new ContainerLocated("abc", "node3"), new PeerList(),
                     new LocateExec("e1"),
                 })
        {
            var serializer = Sys.Serialization.FindSerializerFor(message);
            var back = Sys.Serialization.Deserialize(serializer.ToBinary(message), serializer.Identifier,
                Akka.Serialization.Serialization.ManifestFor(serializer, message));
            Assert.Equal(message, back);
        }
    }
}
