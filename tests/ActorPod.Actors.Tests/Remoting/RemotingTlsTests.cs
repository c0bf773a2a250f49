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
    public async Task A_client_with_issued_credentials_talks_without_the_authoritys_key()
    {
        var server = TlsSystem(RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a"));
        var pem = ClientCredentials.Issue(Dir("ca"), "my-client", Dir("client"));
        var echo = server.ActorOf(Props.Create(() => new Echo()), "echo");

        var credentials = ClientCredentials.Load(Dir("client"), "my-client");
        var client = TlsSystem(credentials);
        var answer = await (await client.ActorSelection(PathOf(server, echo)).ResolveOne(Patience))
            .Ask<string>("ping", Patience);

        Assert.Equal("ping", answer);
        Assert.False(credentials.Authority.HasPrivateKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(pem));
        Assert.Equal(["ca.crt", "my-client.pem"], Directory.GetFiles(Dir("client")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Issuing_refuses_a_bad_name_a_missing_authority_and_an_existing_certificate()
    {
        RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a");
        ClientCredentials.Issue(Dir("ca"), "kept", Dir("client"));
        var kept = File.ReadAllText(Path.Combine(Dir("client"), "kept.pem"));

        Assert.Throws<ArgumentException>(() => ClientCredentials.Issue(Dir("ca"), "../x", Dir("client")));
        Assert.Throws<FileNotFoundException>(() => ClientCredentials.Issue(Dir("nowhere"), "c", Dir("client")));
        Assert.Throws<IOException>(() => ClientCredentials.Issue(Dir("ca"), "kept", Dir("client")));
        Assert.Equal(kept, File.ReadAllText(Path.Combine(Dir("client"), "kept.pem")));
        Assert.False(File.Exists(Path.Combine(Dir("client"), "c.pem")));
    }

    [Fact]
    public void Credentials_from_another_authority_do_not_load()
    {
        RemotingCertificates.LoadOrCreate(Dir("ca"), Dir("a"), "a");
        RemotingCertificates.LoadOrCreate(Dir("other-ca"), Dir("b"), "b");
        ClientCredentials.Issue(Dir("ca"), "c", Dir("client"));
        ClientCredentials.Issue(Dir("other-ca"), "d", Dir("other-client"));
        File.Copy(Path.Combine(Dir("other-client"), "d.pem"), Path.Combine(Dir("client"), "d.pem"));

        Assert.Throws<InvalidDataException>(() => ClientCredentials.Load(Dir("client"), "d"));
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
