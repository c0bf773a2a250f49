using System.Net;
using System.Net.Sockets;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Cluster;

/// <summary>
/// Three daemons on loopback sharing one PostgreSQL database (made here as the postgres user, dropped at the end),
/// node 1 the seed, each with its own root, socket and remoting port, busybox loaded on every node.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    const string Role = "actorpod_e2e";

    readonly string _database = "actorpod_e2e_" + Guid.NewGuid().ToString("N")[..8];

    public string Root { get; } = Path.Combine("/tmp", "apc-" + Guid.NewGuid().ToString("N")[..8]);

    public List<ClusterNode> Nodes { get; } = [];

    /// <summary>Node 1's remoting address, the seed every other member joins.</summary>
    public string Seed { get; private set; } = "";

    public string ImageArchive => Path.Combine(Root, "busybox.tar");

    /// <summary>The cluster's certificate authority, shared by the nodes (node 1 makes it at its first start).
    /// </summary>
    public string Authority => Path.Combine(Root, "ca");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await Psql($"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Role}') THEN " +
            $"CREATE ROLE {Role} LOGIN PASSWORD '{Role}'; END IF; END $$;");
        await Psql($"CREATE DATABASE {_database} OWNER {Role};");
        var image = await ProcessRunner.RunAsync("bash", [Binaries.Script("busybox-image.sh"), ImageArchive]);
        Assert.True(image.ExitCode == 0, image.ToString());

        var connection = $"Host=127.0.0.1;Port=5432;Username={Role};Password={Role};Database={_database}";
        var ports = Enumerable.Range(0, 3).Select(_ => FreePort()).ToList();
        var seed = Seed = $"akka.ssl.tcp://actorpod@127.0.0.1:{ports[0]}";
        for (var i = 0; i < 3; i++)
        {
            Nodes.Add(new ClusterNode($"node{i + 1}", Path.Combine(Root, $"n{i + 1}"), ports[i], seed, connection,
                Authority));
        }

        // The seed first: the others join it.
        await Nodes[0].StartAsync();
        await Task.WhenAll(Nodes.Skip(1).Select(n => n.StartAsync()));
        foreach (var node in Nodes)
        {
            var load = await node.Cli("load", "-i", ImageArchive);
            Assert.True(load.ExitCode == 0, load.ToString());
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task Psql(string sql)
    {
        var result = await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", "psql", "-v", "ON_ERROR_STOP=1",
            "-c", sql]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes.Where(n => n.Running))
        {
            var left = await node.Cli("ps", "-aq", "--filter", "label=actorpod.e2e.cluster");
            foreach (var id in left.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await node.Cli("rm", "-f", id);
            }
        }

        foreach (var node in Nodes)
        {
            await node.StopAsync();
            if (File.Exists(node.Log))
            {
                File.Copy(node.Log, Path.Combine(Path.GetTempPath(), $"actorpod-e2e-{node.Name}.log"), true);
            }
        }

        await Psql($"DROP DATABASE IF EXISTS {_database} WITH (FORCE);");
        foreach (var point in File.ReadAllLines("/proc/self/mountinfo").Select(l => l.Split(' ')[4])
                     .Where(p => p.StartsWith(Root + "/", StringComparison.Ordinal)).OrderByDescending(p => p.Length))
        {
            System.Diagnostics.Process.Start("umount", ["-l", point])!.WaitForExit();
        }

        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>Three daemons load two cores: the cluster's tests run alone, so the timing of other suites is kept.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
