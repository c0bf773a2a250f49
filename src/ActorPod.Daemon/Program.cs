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

var command = new RootCommand("actorpodd: the ActorPod container supervisor")
{
    root, socket, config, logLevel, postgres, node,
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
    };
    return await DaemonHost.RunAsync(options, ct);
});

return await command.Parse(args).InvokeAsync();
