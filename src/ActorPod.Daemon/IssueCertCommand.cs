using System.CommandLine;
using System.Security.Cryptography;
using ActorPod.Messages.Remoting;

namespace ActorPod.Daemon;

/// <summary>
/// <c>actorpodd issue-cert</c>: credentials for a client of the cluster's message API, issued where the cluster's
/// authority is kept, so that the client gets its own certificate and the authority's public one, never its key.
/// </summary>
public static class IssueCertCommand
{
    public static Command Create()
    {
        var authority = new Option<string>("--cluster-ca")
        {
            Description = "the cluster's authority directory (ca.pem), as given to its nodes", Required = true,
        };
        var name = new Option<string>("--name") { Description = "the client's name", Required = true };
        var outDir = new Option<string>("--out")
        {
            Description = "where NAME.pem (certificate and key, mode 0600) and ca.crt go",
            DefaultValueFactory = _ => ".",
        };

        var command = new Command("issue-cert", "issue a certificate for a client of the cluster's message API")
        {
            authority, name, outDir,
        };
        command.SetAction(parse =>
        {
            try
            {
                var path = ClientCredentials.Issue(Path.GetFullPath(parse.GetValue(authority)!),
                    parse.GetValue(name)!, Path.GetFullPath(parse.GetValue(outDir)!));
                Console.WriteLine(path);
                return 0;
            }
            catch (Exception e) when (e is IOException or ArgumentException or CryptographicException
                                          or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"actorpodd issue-cert: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
