namespace ActorPod.Daemon;

/// <summary>What <c>actorpodd</c> was started with; command-line flags override the HOCON file.</summary>
public sealed record DaemonOptions
{
    public const string DefaultRoot = "/var/lib/actorpod";

    public const string DefaultSocket = "/run/actorpod/actorpod.sock";

    /// <summary>Image store, container directories, runtime state and the SQLite journal live here.</summary>
    public string Root { get; init; } = DefaultRoot;

    /// <summary>The Docker Engine API's unix socket.</summary>
    public string Socket { get; init; } = DefaultSocket;

    /// <summary>An optional HOCON file whose settings take precedence over the built-in ones.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Serilog minimum level: verbose, debug, information, warning, error.</summary>
    public string LogLevel { get; init; } = "information";

    /// <summary>A PostgreSQL connection string; the embedded SQLite journal is used when absent.</summary>
    public string? Postgres { get; init; }

    /// <summary>This node's name in the journal and in listings.</summary>
    public string Node { get; init; } = Environment.MachineName;

    /// <summary>
    /// Cluster membership (--cluster-host, --cluster-port, --seed); absent, the daemon is a one-node cluster on
    /// 127.0.0.1 and any free port (<see cref="ActorPod.Actors.Persistence.ClusterSettings.Alone"/>).
    /// </summary>
    public ActorPod.Actors.Persistence.ClusterSettings? Cluster { get; init; }

    /// <summary>
    /// The directory with the cluster's certificate authority (--cluster-ca), shared by all its nodes; absent, the
    /// daemon keeps an authority of its own under <c>ROOT/tls</c>. Remoting always runs mutual TLS.
    /// </summary>
    public string? ClusterAuthority { get; init; }
}
