using System.Net;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Exec;

[Collection(DaemonCollection.Name)]
public sealed class AttachTests(DaemonFixture daemon) : DaemonTest(daemon)
{
    [Fact]
    public async Task Run_it_echoes_typed_input_and_detaches_on_ctrl_p_ctrl_q_leaving_the_container_running()
    {
        var name = NewName();
        var typing = @"(sleep 1.5; printf 'echo typed-$((6*7))\r'; sleep 1.5; printf '\020\021'; sleep 2)";

        var result = await ProcessRunner.RunAsync("bash", ["-c",
            $"{typing} | script -qec '{Binaries.Cli} run -it --name {name} busybox sh' /dev/null"],
            new Dictionary<string, string> { ["ACTORPOD_HOST"] = Daemon.Host }, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("typed-42", result.Stdout);
        Assert.Equal("running", await Ok("inspect", "--format", "{{.State.Status}}", name));
    }

    [Fact]
    public async Task Several_clients_attach_at_once_and_each_sees_the_output_and_the_exit_code()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sh", "-c", "sleep 3; echo ping; exit 4");

        var clients = await Task.WhenAll(Cli("attach", "--no-stdin", name), Cli("attach", "--no-stdin", name));

        Assert.All(clients, c =>
        {
            Assert.Equal(4, c.ExitCode);
            Assert.Equal("ping\n", c.Stdout);
        });
    }

    [Fact]
    public async Task A_client_killed_mid_stream_leaves_the_container_running_and_attachable()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sh", "-c", "while true; do echo tick; sleep 0.2; done");
        var info = new System.Diagnostics.ProcessStartInfo(Binaries.Cli, ["attach", "--no-stdin", name])
        {
            RedirectStandardOutput = true,
            Environment = { ["ACTORPOD_HOST"] = Daemon.Host },
        };
        using var client = System.Diagnostics.Process.Start(info)!;
        Assert.Equal("tick", await client.StandardOutput.ReadLineAsync());

        client.Kill();
        await client.WaitForExitAsync();
        await Task.Delay(1000);

        Assert.Equal("running", await Ok("inspect", "--format", "{{.State.Status}}", name));
        using var http = Daemon.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/containers/{name}/attach?stream=1&stdout=1");
        using var again = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Start_attached_prints_the_first_line_of_a_created_container()
    {
        var name = NewName();
        await Ok("create", "--name", name, "busybox", "sh", "-c", "echo first; echo second >&2; exit 3");

        var result = await Cli("start", "-a", name);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("first\n", result.Stdout);
        Assert.Equal("second\n", result.Stderr);
    }

    [Fact]
    public async Task Run_interactive_without_a_tty_pipes_stdin_to_the_container()
    {
        var result = await Daemon.CliWithInput("hi\n", "run", "-i", "--rm", "busybox", "cat");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hi\n", result.Stdout);
    }

    [Fact]
    public async Task Logs_follow_ends_when_the_container_exits_and_keeps_streams_apart()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sh", "-c", "echo a; sleep 2; echo b >&2");

        var result = await Cli("logs", "-f", name);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("a\n", result.Stdout);
        Assert.Equal("b\n", result.Stderr);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(20), result.Elapsed.ToString());
    }

    [Fact]
    public async Task Logs_tail_and_timestamps_apply()
    {
        var name = NewName();
        await Ok("run", "--name", name, "busybox", "sh", "-c", "echo 1; echo 2; echo 3");

        var tail = await Ok("logs", "--tail", "1", name);
        var stamped = await Ok("logs", "-t", "--tail", "1", name);

        Assert.Equal("3", tail);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\S+ 3$", stamped);
    }

    [Fact]
    public async Task Bad_detach_keys_are_refused_with_400()
    {
        var name = NewName();
        await Ok("run", "-d", "--name", name, "busybox", "sleep", "1000");
        using var http = Daemon.Http();

        using var response = await http.PostAsync($"/containers/{name}/attach?stream=1&stdin=1&detachKeys=ctrl-%25",
            null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid detach key", await response.Content.ReadAsStringAsync());
    }
}
