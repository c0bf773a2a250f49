using ActorPod.Actors.Containers;
using ActorPod.Actors.Hosting;
using ActorPod.Actors.Persistence;
using Akka.Actor;
using Akka.Configuration;
using Microsoft.Data.Sqlite;

namespace ActorPod.Actors.Tests;

/// <summary>An actor system on a real SQLite journal, a one-node cluster as the daemon runs it, for recovery tests.
/// </summary>
public sealed class SqliteSystem : IAsyncDisposable
{
    static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka.loggers = ["Akka.Event.DefaultLogger, Akka"]
        akka.loglevel = WARNING
        """);

    SqliteSystem(ActorSystem system, IActorRef registry)
    {
        System = system;
        Registry = registry;
    }

    public ActorSystem System { get; }

    public IActorRef Registry { get; }

    /// <param name="dies">Ends without the clean shutdown (no coordinated shutdown), as a killed daemon does.</param>
    public static SqliteSystem Start(string databasePath, ContainerDependencies deps, bool dies = false)
    {
        var config = dies
            ? ConfigurationFactory.ParseString("akka.coordinated-shutdown.run-by-actor-system-terminate = off")
                .WithFallback(Quiet)
            : Quiet;
        var system = ActorSystem.Create("recovery", ActorPodConfig.Cluster(ActorPodConfig.Sqlite(databasePath, config),
            ClusterSettings.Alone, deps.Node));
        var registry = ContainerHost.Start(system, deps);
        var cluster = Akka.Cluster.Cluster.Get(system);
        cluster.Join(cluster.SelfAddress);
        return new SqliteSystem(system, registry);
    }

    public Task<T> Ask<T>(object message) => Registry.Ask<T>(message, TimeSpan.FromSeconds(15));

    public async ValueTask DisposeAsync()
    {
        await System.Terminate();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Folds the WAL into the database file, so the file alone holds the journal.</summary>
    public static void Checkpoint(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }
}
