using System.Reflection;
using Akka.Configuration;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ActorPod.Actors.Persistence;

/// <summary>
/// Builds the Akka configuration from the HOCON files in hocon/ (embedded in this assembly), with the journal's
/// connection filled in and the SQL plugin's own defaults as the last fallback: without them the plugin class is
/// unknown and every persist quietly times out.
/// </summary>
public static class ActorPodConfig
{
    /// <summary>The embedded text of <c>hocon/NAME.conf</c>.</summary>
    public static string Hocon(string name)
    {
        var resource = $"hocon.{name}.conf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"HOCON file {name}.conf is not embedded in ActorPod.Actors");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Base + SQLite journal in <paramref name="databasePath"/> (created, WAL mode).</summary>
    public static Config Sqlite(string databasePath, Config? overrides = null)
    {
        EnableWriteAheadLog(databasePath);
        var connection = $"Data Source={databasePath};Pooling=true";
        var connectionConfig = ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.sql.connection-string = "{{connection}}"
            akka.persistence.snapshot-store.sql.connection-string = "{{connection}}"
            akka.persistence.query.journal.sql.connection-string = "{{connection}}"
            """);

        return Combine(overrides, connectionConfig, ConfigurationFactory.ParseString(Hocon("sqlite")));
    }

    /// <summary>Base + PostgreSQL journal.</summary>
    public static Config Postgres(string connectionString, Config? overrides = null)
    {
        var escaped = connectionString.Replace("\"", "\\\"", StringComparison.Ordinal);
        var connectionConfig = ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.sql.connection-string = "{{escaped}}"
            akka.persistence.snapshot-store.sql.connection-string = "{{escaped}}"
            akka.persistence.query.journal.sql.connection-string = "{{escaped}}"
            """);

        return Combine(overrides, connectionConfig, ConfigurationFactory.ParseString(Hocon("postgres")));
    }

    /// <summary>
    /// Makes <paramref name="config"/> a cluster node's (every daemon is one): remoting on the host and port of
    /// <paramref name="cluster"/>, the given seed nodes, the role <c>node:NAME</c> by which the other members know
    /// this node, and the role that hosts the container shard region.
    /// </summary>
    public static Config Cluster(Config config, ClusterSettings cluster, string node)
    {
        // Remoting always runs TLS, whose addresses say akka.ssl.tcp; a seed written the plain way means the same node.
        var seeds = string.Join(", ", cluster.Seeds.Select(seed => $"\"{SecureAddress(seed)}\""));
        var settings = ConfigurationFactory.ParseString($$"""
            akka.remote.dot-netty.tcp.hostname = "{{cluster.Host}}"
            akka.remote.dot-netty.tcp.port = {{cluster.Port}}
            akka.cluster.seed-nodes = [{{seeds}}]
            akka.cluster.roles = ["{{NodeRolePrefix}}{{node}}", "{{Messages.Sharding.ContainerSharding.Role}}"]
            """);
        return settings.WithFallback(ConfigurationFactory.ParseString(Hocon("cluster")))
            .WithFallback(ConfigurationFactory.ParseString(Messages.Serialization.MessageSerialization.Hocon()))
            .WithFallback(config);
    }

    /// <summary>The TLS form of a remoting address: <c>akka.tcp://</c> becomes <c>akka.ssl.tcp://</c>.</summary>
    public static string SecureAddress(string address) =>
        address.StartsWith("akka.tcp://", StringComparison.Ordinal)
            ? "akka.ssl.tcp://" + address["akka.tcp://".Length..]
            : address;

    /// <summary>A member's role that names its node: <c>node:NAME</c>.</summary>
    public const string NodeRolePrefix = "node:";

    static Config Combine(Config? overrides, Config connection, Config database)
    {
        var config = connection.WithFallback(database)
            .WithFallback(ConfigurationFactory.ParseString(Hocon("base")))
            .WithFallback(SqlPersistence.DefaultConfiguration);
        return overrides is null ? config : overrides.WithFallback(config);
    }

    /// <summary>WAL lets readers (recovery, queries) run beside the writer; it is a property of the file.</summary>
    static void EnableWriteAheadLog(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}

/// <summary>Where a cluster node listens and whom it joins; no seeds means it forms a cluster of its own.</summary>
public sealed record ClusterSettings(string Host, int Port, IReadOnlyList<string> Seeds)
{
    /// <summary>A lone daemon: a one-node cluster on loopback, on any free port.</summary>
    public static ClusterSettings Alone { get; } = new("127.0.0.1", 0, []);
}
