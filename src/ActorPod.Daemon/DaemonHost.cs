using ActorPod.Actors.Containers;
using ActorPod.Actors.Events;
using ActorPod.Actors.Hosting;
using ActorPod.Actors.Persistence;
using ActorPod.Api;
using ActorPod.Messages.Remoting;
using ActorPod.Oci;
using ActorPod.Oci.Native;
using ActorPod.Storage;
using ActorPod.Storage.Containers;
using ActorPod.Storage.Images;
using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

namespace ActorPod.Daemon;

/// <summary>
/// Wires the supervisor: storage, the conmon runtime, the actor system (via Akka.Hosting) with its journal, and
/// the Docker Engine API on the unix socket. Runs until SIGTERM or SIGINT.
/// </summary>
static class DaemonHost
{
    sealed class RegistryKey;

    public static async Task<int> RunAsync(DaemonOptions options, CancellationToken ct)
    {
        var log = DaemonLogging.Create(options.LogLevel);
        try
        {
            return await RunAsync(options, log, ct);
        }
        catch (Exception ex)
        {
            log.Fatal(ex, "actorpodd failed to start");
            return 1;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    static async Task<int> RunAsync(DaemonOptions options, Serilog.ILogger log, CancellationToken ct)
    {
        Directory.CreateDirectory(options.Root);

        // conmon daemonizes; as a subreaper the supervisor inherits and reaps it instead of leaving zombies.
        ChildReaper.BecomeSubreaper();

        var images = new ImageStore(Path.Combine(options.Root, "storage"));
        var storage = new ContainerStorage(options.Root, images);
        var runtimeOptions = RuntimeOptions.ForRoot(Path.Combine(options.Root, "rt"));
        using var runtime = new ConmonRuntime(runtimeOptions, log);
        var cluster = options.Cluster ?? ActorPod.Actors.Persistence.ClusterSettings.Alone;
        var tls = Path.Combine(options.Root, "tls");
        var identity = RemotingCertificates.LoadOrCreate(options.ClusterAuthority ?? tls, tls, options.Node);
        log.Information("Remoting runs mutual TLS as {Subject}, trusting only {Authority}", identity.Node.Subject,
            identity.Authority.Subject);
        var akkaConfig = AkkaConfig(options, cluster);
        var settings = akkaConfig.GetConfig("actorpod");
        var deps = new ContainerDependencies(runtime, storage, images, options.Node,
            settings.GetTimeSpan("exit-grace", ContainerDependencies.DefaultExitGrace),
            settings.GetInt("snapshot-every", 50),
            Exec: new ActorPod.Actors.Exec.ConmonExecLauncher(
                new ActorPod.Oci.Exec.ConmonExecRuntime(runtimeOptions, log)));

        // No default configuration sources: they watch the working directory ("/" under systemd) recursively.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log, dispose: false);
        builder.Services.AddAkka("actorpod", akka =>
        {
            akka.AddHocon(akkaConfig, HoconAddMode.Prepend);
            akka.AddHocon(RemotingTls.Hocon, HoconAddMode.Prepend);
            akka.AddSetup(RemotingTls.Setup(identity));
            akka.WithActors((system, registry) => registry.Register<RegistryKey>(ContainerHost.Start(system, deps)));
        });

        using var host = builder.Build();
        await host.StartAsync(ct);
        var registryActor = await host.Services.GetRequiredService<ActorRegistry>().GetAsync<RegistryKey>(ct);

        await using var api = await DockerApiServer.BuildAsync(
            new DockerApiOptions { SocketPath = options.Socket, Root = options.Root, Name = options.Node },
            registryActor, images, log, new ContainerEventFeed(host.Services.GetRequiredService<ActorSystem>()));
        await api.StartAsync(ct);

        // After the API: until the one-node cluster (or the real one) is up, requests wait in the shard region.
        JoinCluster(host.Services.GetRequiredService<ActorSystem>(), cluster, options.Node, log);
        log.Information("actorpodd serving the Docker Engine API on {Socket}, root {Root}, node {Node}",
            options.Socket, options.Root, options.Node);

        await host.WaitForShutdownAsync(ct);
        log.Information("actorpodd stopping; containers keep running under conmon");
        return 0;
    }

    /// <summary>
    /// The registry exists by now, so the first messages from other members find it (STACK.md: create the actors
    /// before joining). Seeds in the configuration are joined by Akka itself; a node without seeds (a lone daemon
    /// among them) joins itself, which it can only do now that its port (perhaps any free one) is known.
    /// </summary>
    static void JoinCluster(ActorSystem system, ActorPod.Actors.Persistence.ClusterSettings settings, string node,
        Serilog.ILogger log)
    {
        system.ActorOf(ActorPod.Actors.Events.ClusterEventPublisher.Props(node), "cluster-events");

        var cluster = Akka.Cluster.Cluster.Get(system);
        if (settings.Seeds.Count == 0)
        {
            cluster.Join(cluster.SelfAddress);
        }

        log.Information("actorpodd is cluster node {Address}, seeds {Seeds}", cluster.SelfAddress,
            string.Join(", ", settings.Seeds));
    }

    static Config AkkaConfig(DaemonOptions options, ActorPod.Actors.Persistence.ClusterSettings cluster)
    {
        Config? overrides = options.ConfigFile is null
            ? null
            : ConfigurationFactory.ParseString(File.ReadAllText(options.ConfigFile));
        var config = options.Postgres is null
            ? ActorPodConfig.Sqlite(Path.Combine(options.Root, "actorpod.db"), overrides)
            : ActorPodConfig.Postgres(options.Postgres, overrides);
        return ActorPodConfig.Cluster(config, cluster, options.Node);
    }
}
