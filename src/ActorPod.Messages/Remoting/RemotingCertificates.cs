using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ActorPod.Messages.Remoting;

/// <summary>The certificate authority a cluster trusts and the certificate this node presents to its peers.</summary>
public sealed record RemotingIdentity(X509Certificate2 Authority, X509Certificate2 Node);

/// <summary>
/// Makes and keeps remoting's certificates. A lone daemon makes its own authority under its root at first start;
/// the nodes of a cluster are given one directory that holds the cluster's authority (the first node to start
/// makes it). Each node issues its own certificate from the authority and keeps it under its root. Every file
/// holds certificate and key in PEM and is created with mode 0600, written whole and then renamed into place, so a
/// concurrent start never reads half a file.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class RemotingCertificates
{
    /// <summary>The file, in the authority's directory, with the authority's certificate and key.</summary>
    public const string AuthorityFile = "ca.pem";

    /// <summary>The file, in the node's directory, with the node's certificate and key.</summary>
    public const string NodeFile = "node.pem";

    static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);
    static readonly TimeSpan NodeLifetime = TimeSpan.FromDays(365);

    // A node certificate this close to its end is replaced at the next start.
    static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>
    /// Loads the authority from <paramref name="authorityDir"/> (making it if absent) and the node's certificate
    /// from <paramref name="nodeDir"/> (issuing a new one if absent, not from this authority, or near its end).
    /// </summary>
    public static RemotingIdentity LoadOrCreate(string authorityDir, string nodeDir, string node)
    {
        var authority = LoadOrCreateAuthority(authorityDir, node);
        var nodePath = Path.Combine(nodeDir, NodeFile);
        if (File.Exists(nodePath))
        {
            var existing = X509Certificate2.CreateFromPemFile(nodePath);
            if (IsIssuedBy(existing, authority) && existing.NotAfter - DateTime.Now > RenewBefore)
            {
                return new RemotingIdentity(authority, existing);
            }

            File.Delete(nodePath);
        }

        var issued = Issue(authority, "actorpod-node-" + node);
        WritePrivate(nodeDir, NodeFile, issued);
        return new RemotingIdentity(authority, X509Certificate2.CreateFromPemFile(nodePath));
    }

    /// <summary>
    /// Issues a certificate for a remoting peer (a node, or another Akka.NET system that talks to the cluster),
    /// valid for both ends of a mutual TLS connection on loopback.
    /// </summary>
    public static X509Certificate2 Issue(X509Certificate2 authority, string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [Oid.FromOidValue("1.3.6.1.5.5.7.3.1", OidGroup.EnhancedKeyUsage),
             Oid.FromOidValue("1.3.6.1.5.5.7.3.2", OidGroup.EnhancedKeyUsage)], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
            authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));

        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = Min(notBefore + NodeLifetime, authority.NotAfter.ToUniversalTime());
        using var signed = request.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>True when <paramref name="certificate"/> chains to <paramref name="authority"/> and nothing else.
    /// </summary>
    public static bool IsIssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
            && chain.ChainElements.Count == 2
            && chain.ChainElements[^1].Certificate.RawData.AsSpan().SequenceEqual(authority.RawData);
    }

    static X509Certificate2 LoadOrCreateAuthority(string dir, string node)
    {
        var path = Path.Combine(dir, AuthorityFile);
        if (!File.Exists(path))
        {
            using var made = MakeAuthority(node);
            WritePrivate(dir, AuthorityFile, made);
        }

        return X509Certificate2.CreateFromPemFile(path);
    }

    static X509Certificate2 MakeAuthority(string node)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=ActorPod remoting authority (made by node {node})", key,
            HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        return request.CreateSelfSigned(notBefore, notBefore + AuthorityLifetime);
    }

    /// <summary>Writes certificate and key to a 0600 temporary file, then renames it into place unless another
    /// process got there first (its file wins, so every node ends up with the same authority).</summary>
    internal static void WritePrivate(string dir, string name, X509Certificate2 certificate)
    {
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = certificate.GetECDsaPrivateKey() ?? throw new CryptographicException(
            $"the certificate {certificate.Subject} has no EC private key to keep");
        var pem = certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n";

        var temp = Path.Combine(dir, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
        {
            writer.Write(pem);
        }

        try
        {
            File.Move(temp, Path.Combine(dir, name), overwrite: false);
        }
        catch (IOException) when (File.Exists(Path.Combine(dir, name)))
        {
            File.Delete(temp);
        }
    }

    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
