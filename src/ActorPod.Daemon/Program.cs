using System.CommandLine;
using ActorPod.Daemon;

var root = new Option<string>("--root")
{
    Description = "root directory", DefaultValueFactory = _ => DaemonOptions.DefaultRoot,
};
var socket = new Option<string>("--socket")
{
    Description = "unix socket of the Docker Engine API", DefaultValueFactory = _ => DaemonOptions.DefaultSocket,
};
var config = new Option<string?>("--config") { Description = "HOCON file overriding the built-in settings" };
var logLevel = new Option<string>("--log-level")
{
    Description = "verbose, debug, information, warning or error", DefaultValueFactory = _ => "information",
};
var postgres = new Option<string?>("--postgres")
{
    Description = "PostgreSQL connection string for the journal (default: SQLite under the root)",
};
var node = new Option<string>("--node")
{
    Description = "this node's name", DefaultValueFactory = _ => Environment.MachineName,
};
var clusterHost = new Option<string?>("--cluster-host")
{
    Description = "join a cluster: the loopback address remoting binds to (127.0.0.1 when only other flags are given)",
};
var clusterPort = new Option<int?>("--cluster-port") { Description = "join a cluster: remoting's port (0: any)" };
var seeds = new Option<string[]>("--seed")
{
    Description = "a seed node, akka.ssl.tcp://actorpod@HOST:PORT (repeatable); none: this node forms the cluster",
    AllowMultipleArgumentsPerToken = false,
};
var clusterCa = new Option<string?>("--cluster-ca")
{
    Description = "a directory with the cluster's certificate authority (ca.pem), shared by its nodes; made there " +
        "if absent (default: ROOT/tls, an authority of this node alone)",
};

var command = new RootCommand("actorpodd: the ActorPod container supervisor")
{
    root, socket, config, logLevel, postgres, node, clusterHost, clusterPort, seeds, clusterCa,
};
command.SetAction(async (parse, ct) =>
{
    var options = new DaemonOptions
    {
        Root = Path.GetFullPath(parse.GetValue(root)!),
        Socket = Path.GetFullPath(parse.GetValue(socket)!),
        ConfigFile = parse.GetValue(config),
        LogLevel = parse.GetValue(logLevel)!,
        Postgres = parse.GetValue(postgres) ?? Environment.GetEnvironmentVariable("ACTORPOD_POSTGRES"),
        Node = parse.GetValue(node)!,
        Cluster = ClusterFlags(parse.GetValue(clusterHost), parse.GetValue(clusterPort), parse.GetValue(seeds)),
        ClusterAuthority = parse.GetValue(clusterCa) is { } ca ? Path.GetFullPath(ca) : null,
    };
    return await DaemonHost.RunAsync(options, ct);
});
command.Subcommands.Add(IssueCertCommand.Create());

return await command.Parse(args).InvokeAsync();

// Any one of the cluster flags makes the daemon a member of a larger cluster; none makes it a one-node cluster.
static ActorPod.Actors.Persistence.ClusterSettings? ClusterFlags(string? host, int? port, string[]? seeds) =>
    host is null && port is null && (seeds is null || seeds.Length == 0)
        ? null
        : new(host ?? "127.0.0.1", port ?? 0, seeds ?? []);
