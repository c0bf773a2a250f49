using System.Security.Cryptography.X509Certificates;
using Akka.Event;
using Akka.Remote.Transport.DotNetty;

namespace ActorPod.Messages.Remoting;

/// <summary>
/// Remoting's mutual TLS: the node presents its certificate and accepts a peer only if the peer presents one issued
/// by the cluster's authority, on both ends of every connection. A process without such a certificate fails the
/// handshake, before Akka reads any message from it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class RemotingTls
{
    /// <summary>HOCON that turns TLS on for the DotNetty transport; the certificates come from <see cref="Setup"/>.
    /// </summary>
    public const string Hocon = "akka.remote.dot-netty.tcp.enable-ssl = true";

    /// <summary>The actor system setup that presents <see cref="RemotingIdentity.Node"/> and trusts only
    /// <see cref="RemotingIdentity.Authority"/>.</summary>
    public static DotNettySslSetup Setup(RemotingIdentity identity) => new(
        identity.Node,
        suppressValidation: false,
        requireMutualAuthentication: true,
        validateCertificateHostname: false,
        customValidator: TrustOnly(identity.Authority));

    /// <summary>Accepts a peer certificate only when it chains to <paramref name="authority"/>; the system store
    /// plays no part, so a certificate from any public CA is refused too.</summary>
    public static CertificateValidationCallback TrustOnly(X509Certificate2 authority) =>
        (certificate, _, peer, _, log) =>
        {
            if (certificate is null)
            {
                log.Warning("Remoting peer {0} presented no certificate: refused", peer);
                return false;
            }

            if (RemotingCertificates.IsIssuedBy(certificate, authority))
            {
                return true;
            }

            log.Warning("Remoting peer {0} presented {1}, which is not issued by this cluster's authority: refused",
                peer, certificate.Subject);
            return false;
        };
}
