using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace ActorPod.Messages.Remoting;

/// <summary>
/// The credentials of a client of the cluster (another Akka.NET system that speaks the message API): a certificate
/// issued by the cluster's authority, with its key, and the authority's certificate without its key. Whoever holds
/// the authority issues them (<c>actorpodd issue-cert</c>); the client loads them and never sees the authority's
/// key, which could issue certificates for anyone.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static partial class ClientCredentials
{
    /// <summary>The file, next to the client's own, with the authority's certificate alone.</summary>
    public const string AuthorityCertificateFile = "ca.crt";

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$")]
    private static partial Regex ValidName();

    /// <summary>
    /// Issues <paramref name="name"/>'s certificate from the authority in <paramref name="authorityDir"/> and writes
    /// it with its key to OUT/NAME.pem (mode 0600), and the authority's certificate to OUT/ca.crt. Returns the
    /// path of NAME.pem. An existing NAME.pem is kept and refused: a client's certificate is replaced on purpose.
    /// </summary>
    public static string Issue(string authorityDir, string name, string outDir)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"invalid client name \"{name}\": 1 to 64 of [a-zA-Z0-9_.-], starting with a letter or digit");
        }

        var authorityPath = Path.Combine(authorityDir, RemotingCertificates.AuthorityFile);
        if (!File.Exists(authorityPath))
        {
            throw new FileNotFoundException(
                $"no certificate authority at {authorityPath}: give the --cluster-ca directory of the cluster's nodes",
                authorityPath);
        }

        var target = Path.Combine(outDir, name + ".pem");
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists; remove it to issue {name} a new certificate");
        }

        using var authority = X509Certificate2.CreateFromPemFile(authorityPath);
        using var issued = RemotingCertificates.Issue(authority, "actorpod-client-" + name);
        RemotingCertificates.WritePrivate(outDir, name + ".pem", issued);
        File.WriteAllText(Path.Combine(outDir, AuthorityCertificateFile), authority.ExportCertificatePem() + "\n");
        return target;
    }

    /// <summary>
    /// Loads what <see cref="Issue"/> wrote into <paramref name="dir"/> for <paramref name="name"/>, checking that
    /// the certificate was issued by the authority next to it.
    /// </summary>
    public static RemotingIdentity Load(string dir, string name)
    {
        var authority = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(dir, AuthorityCertificateFile)));
        var own = X509Certificate2.CreateFromPemFile(Path.Combine(dir, name + ".pem"));
        if (!RemotingCertificates.IsIssuedBy(own, authority))
        {
            throw new InvalidDataException(
                $"{Path.Combine(dir, name + ".pem")} was not issued by the authority in {AuthorityCertificateFile}");
        }

        return new RemotingIdentity(authority, own);
    }
}
