using System.Diagnostics;
using System.Text.Json;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Cluster;

/// <summary>Three daemons as one cluster: any node reaches any container, names are the cluster's, crashes show.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(ClusterFixture cluster)
{
    ClusterNode Node1 => cluster.Nodes[0];

    ClusterNode Node2 => cluster.Nodes[1];

    ClusterNode Node3 => cluster.Nodes[2];

    [Fact]
    public async Task Container_on_node3_is_driven_through_node2_and_reported_truthfully_across_a_crash()
    {
        var name = "c3-" + Guid.NewGuid().ToString("N")[..6];
        var created = await Node1.Cli("create", "--node", "node3", "--name", name, "--label",
            "actorpod.e2e.cluster=1", "busybox", "sleep", "1000");
        Assert.True(created.ExitCode == 0, created.ToString());
        var id = created.Stdout.Trim();

        Assert.Equal(0, (await Node2.Cli("start", name)).ExitCode);
        var running = await Inspect(Node2, name);
        Assert.Equal("node3", running.GetProperty("Node").GetString());
        Assert.Equal("running", running.GetProperty("State").GetProperty("Status").GetString());

        var exec = await Node2.Cli("exec", "-d", name, "sh", "-c", "echo through-node2 > /tmp/mark");
        Assert.True(exec.ExitCode == 0, exec.ToString());
        var mark = await PollExecAsync(Node3, name);
        Assert.Equal("through-node2", mark);

        var stopped = await Node2.Cli("stop", "-t", "1", name);
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Equal("exited", (await Inspect(Node2, id)).GetProperty("State").GetProperty("Status").GetString());

        var nowhere = await Node1.Cli("create", "--node", "node9", "busybox", "true");
        Assert.Equal(125, nowhere.ExitCode);
        Assert.Contains("cannot create the container on node node9: no such node in the cluster", nowhere.Stderr);

        var taken = await Node1.Cli("create", "--name", name, "busybox", "true");
        Assert.Equal(125, taken.ExitCode);
        Assert.Contains($"the container name \"{name}\" is already in use by container {id} on node node3",
            taken.Stderr);

        var nodes = await Node2.Cli("node", "ls");
        Assert.True(nodes.ExitCode == 0, nodes.ToString());
        foreach (var node in new[] { "node1", "node2", "node3" })
        {
            Assert.Matches($@"(?m)^{node} +up +\d+ +akka\.ssl\.tcp://actorpod@127\.0\.0\.1:\d+ +actorpod,node:{node}$",
                nodes.Stdout);
        }

        // "any" is the least loaded node: node3 has one container, node1 and node2 none, and node1 sorts first.
        var other = name + "-any";
        var placed = await Node2.Cli("create", "--node", "any", "--name", other, "--label", "actorpod.e2e.cluster=1",
            "busybox", "true");
        Assert.True(placed.ExitCode == 0, placed.ToString());
        var psAll = await Node2.Cli("ps", "-a");
        Assert.Matches(@"(?m)^CONTAINER ID .* NAMES +NODE\s*$", psAll.Stdout);
        Assert.Matches($@"(?m) {name} +node3\s*$", psAll.Stdout);
        Assert.Matches($@"(?m) {other} +node1\s*$", psAll.Stdout);
        Assert.Equal(0, (await Node3.Cli("rm", other)).ExitCode);

        Assert.Equal(0, (await Node1.Cli("start", name)).ExitCode);
        await Node3.KillAsync();

        var unknown = await PollAsync(Node1, name, row => row.Contains("Unknown (node node3 unreachable"));
        Assert.Contains("last known: Up", unknown);
        var clock = Stopwatch.StartNew();
        var refused = await Node1.Cli("stop", name);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stop took {clock.Elapsed}");
        Assert.Equal(125, refused.ExitCode);
        Assert.Contains($"container {id} is on node node3, which is unreachable", refused.Stderr);

        await Node3.StartAsync();
        var back = await PollAsync(Node1, name, row => row.Contains(" Up ") && !row.Contains("Unknown"));
        Assert.DoesNotContain("Unknown", back);
        var removed = await Node1.Cli("rm", "-f", name);
        Assert.True(removed.ExitCode == 0, removed.ToString());
    }

    /// <summary>The detached exec may still be running: read its mark until it is there (10 s at most).</summary>
    static async Task<string> PollExecAsync(ClusterNode node, string name)
    {
        var output = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            output = (await node.Cli("exec", name, "cat", "/tmp/mark")).Stdout.Trim();
            if (output.Length > 0)
            {
                break;
            }
        }

        return output;
    }

    static async Task<JsonElement> Inspect(ClusterNode node, string reference)
    {
        var result = await node.Cli("inspect", reference);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement[0];
    }

    /// <summary>The container's row of <c>ps -a</c> once it satisfies <paramref name="until"/> (30 s at most).
    /// </summary>
    static async Task<string> PollAsync(ClusterNode node, string name, Func<string, bool> until)
    {
        var row = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var ps = await node.Cli("ps", "-a");
            row = ps.Stdout.Split('\n').FirstOrDefault(line => line.Contains(name)) ?? "";
            if (until(row))
            {
                return row;
            }
        }

        Assert.Fail($"the row of {name} never changed as expected; last: {row}");
        return row;
    }
}
