using System.Security.Cryptography.X509Certificates;
using ActorPod.Messages.Remoting;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;

namespace ActorPod.Actors.Tests.Remoting;

/// <summary>Remoting's mutual TLS between real actor systems on loopback, and the certificates behind it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RemotingTlsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly string _dir = Directory.CreateTempSubdirectory("actorpod-tls-").FullName;
    private readonly List<ActorSystem> _systems = [];

    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Certificates_are_made_once_private_and_kept()
    {
        var first = RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("node"), "n1");
        var again = RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("node"), "n1");

        Assert.Equal(first.Authority.Thumbprint, again.Authority.Thumbprint);
        Assert.Equal(first.Node.Thumbprint, again.Node.Thumbprint);
        Assert.True(again.Node.HasPrivateKey);
        Assert.True(RemotingCertificates.IsIssuedBy(again.Node, again.Authority));
        foreach (var file in new[] { Path.Combine(Dir("ca"), "ca.pem"), Path.Combine(Dir("node"), "node.pem") })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void A_node_certificate_from_another_authority_is_replaced()
    {
        var old = RemotingCertificates.LoadOrCreate(Dir("ca-old"), Dir("node"), "n1");

        var renewed = RemotingCertificates.LoadOrCreate(Dir("ca-new"), Dir("node"), "n1");

        Assert.NotEqual(old.Node.Thumbprint, renewed.Node.Thumbprint);
        Assert.True(RemotingCertificates.IsIssuedBy(renewed.Node, renewed.Authority));
        Assert.False(RemotingCertificates.IsIssuedBy(renewed.Node, old.Authority));
    }

    [Fact]
    public async Task Peers_with_certificates_from_the_same_authority_talk()
    {
        var server = TlsSystem(RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a"));
        var client = TlsSystem(RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("b"), "b"));
        var echo = server.ActorOf(Props.Create(() => new Echo()), "echo");

        var remote = await client.ActorSelection(PathOf(server, echo)).ResolveOne(Patience);
        var answer = await remote.Ask<string>("ping", Patience);

        Assert.Equal("ping", answer);
    }

    [Fact]
    public async Task A_peer_with_a_certificate_from_another_authority_is_refused()
    {
        var server = TlsSystem(RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a"));
        var stranger = TlsSystem(RemotingCertificates.LoadOrCreate(Dir("other-ca"), Dir("b"), "b"));
        var echo = server.ActorOf(Props.Create(() => new Echo()), "echo");

        await Assert.ThrowsAsync<ActorNotFoundException>(() =>
            stranger.ActorSelection(PathOf(server, echo)).ResolveOne(Patience));
    }

    [Fact]
    public async Task A_peer_without_tls_is_refused()
    {
        var server = TlsSystem(RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a"));
        var plain = Track(ActorSystem.Create("actorpod", RemoteConfig()));
        var echo = server.ActorOf(Props.Create(() => new Echo()), "echo");

        // Same host and port, spoken without TLS: the server hangs up on the plain handshake.
        var plainPath = PathOf(server, echo).Replace("akka.ssl.tcp://", "akka.tcp://", StringComparison.Ordinal);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => plain.ActorSelection(plainPath).ResolveOne(Patience));
    }

    [Fact]
    public void A_certificate_from_another_authority_does_not_chain()
    {
        var ours = RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a");
        var theirs = RemotingCertificates.LoadOrCreate(Dir("other-ca"), Dir("b"), "b");
        using var selfSigned = SelfSigned();

        Assert.False(RemotingCertificates.IsIssuedBy(theirs.Node, ours.Authority));
        Assert.False(RemotingCertificates.IsIssuedBy(selfSigned, ours.Authority));
    }

    private string Dir(string name) => Path.Combine(_dir, name);

    private static string PathOf(ActorSystem system, IActorRef actor) =>
        actor.Path.ToStringWithAddress(((ExtendedActorSystem)system).Provider.DefaultAddress);

    private ActorSystem TlsSystem(RemotingIdentity identity) => Track(ActorSystem.Create("actorpod",
        BootstrapSetup.Create()
            .WithConfig(ConfigurationFactory.ParseString(RemotingTls.Hocon).WithFallback(RemoteConfig()))
            .And(RemotingTls.Setup(identity))));

    private ActorSystem Track(ActorSystem system)
    {
        _systems.Add(system);
        return system;
    }

    private static Config RemoteConfig() => ConfigurationFactory.ParseString("""
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """);

    private static X509Certificate2 SelfSigned()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=stranger", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }
}
