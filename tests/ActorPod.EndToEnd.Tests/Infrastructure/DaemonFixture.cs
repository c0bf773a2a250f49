using System.Diagnostics;
using System.Net.Sockets;

namespace ActorPod.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One real <c>actorpodd</c> (real conmon and runc, SQLite journal) in a private root under /tmp, with the busybox
/// image loaded. Stopped by its pid and its root removed when the tests are done; every container the tests make
/// is removed by the tests themselves, and whatever a failed test left is swept here.
/// </summary>
public sealed class DaemonFixture : IAsyncLifetime
{
    Process? _daemon;

    /// <summary>Kept short: conmon's attach sockets live under it and unix socket paths stop at 108 bytes.</summary>
    public string Root { get; } = Path.Combine("/tmp", "ape-" + Guid.NewGuid().ToString("N")[..8]);

    public string Socket => Path.Combine(Root, "api.sock");

    public string Host => "unix://" + Socket;

    public string ImageArchive => Path.Combine(Root, "busybox.tar");

    public string DaemonLog => Path.Combine(Root, "daemon.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var image = await ProcessRunner.RunAsync("bash", [Binaries.Script("busybox-image.sh"), ImageArchive]);
        Assert.True(image.ExitCode == 0, image.ToString());

        await StartDaemonAsync();
        var load = await Cli("load", "-i", ImageArchive);
        Assert.True(load.ExitCode == 0, load.ToString());
    }

    /// <summary>Starts actorpodd on the fixture's root and waits until its API answers.</summary>
    public async Task StartDaemonAsync()
    {
        var info = new ProcessStartInfo(Binaries.Daemon)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--root", Path.Combine(Root, "root"), "--socket", Socket })
        {
            info.ArgumentList.Add(arg);
        }

        // ACTORPOD_E2E_LOG_LEVEL=debug shows every runtime command in the daemon log when a test needs explaining.
        if (Environment.GetEnvironmentVariable("ACTORPOD_E2E_LOG_LEVEL") is { Length: > 0 } level)
        {
            info.ArgumentList.Add("--log-level");
            info.ArgumentList.Add(level);
        }

        _daemon = Process.Start(info)!;
        var log = File.AppendText(DaemonLog);
        log.AutoFlush = true;
        _daemon.OutputDataReceived += (_, e) => WriteLog(log, e.Data);
        _daemon.ErrorDataReceived += (_, e) => WriteLog(log, e.Data);
        _daemon.BeginOutputReadLine();
        _daemon.BeginErrorReadLine();
        await WaitForApiAsync();
    }

    static void WriteLog(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>SIGKILL, as a crash: no shutdown code runs. Containers keep running under conmon.</summary>
    public async Task KillDaemonAsync()
    {
        _daemon!.Kill();
        await _daemon.WaitForExitAsync();
    }

    async Task WaitForApiAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_daemon!.HasExited)
            {
                throw new InvalidOperationException(
                    $"actorpodd exited with {_daemon.ExitCode}: {await File.ReadAllTextAsync(DaemonLog)}");
            }

            if (await AnswersAsync())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("actorpodd did not answer on " + Socket);
    }

    async Task<bool> AnswersAsync()
    {
        try
        {
            using var http = Http();
            return (await http.GetAsync("/_ping")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public Task<CommandResult> Cli(params string[] args) => CliWithInput(null, args);

    public Task<CommandResult> CliWithInput(string? stdin, params string[] args) =>
        ProcessRunner.RunAsync(Binaries.Cli, args, new Dictionary<string, string> { ["ACTORPOD_HOST"] = Host }, stdin);

    /// <summary>The docker CLI (client only on this machine) pointed at the daemon's socket.</summary>
    public Task<CommandResult> Docker(params string[] args) => ProcessRunner.RunAsync("docker", args,
        new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = Host,
            ["DOCKER_CONFIG"] = Path.Combine(Root, "docker-config"),
            ["DOCKER_CLI_HINTS"] = "false",
        });

    /// <summary>An HttpClient speaking to the daemon's unix socket.</summary>
    public HttpClient Http()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(
                    AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(Socket), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://actorpod"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public async Task DisposeAsync()
    {
        if (_daemon is { HasExited: false })
        {
            var left = await Cli("ps", "-aq");
            foreach (var id in left.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                await Cli("rm", "-f", id);
            }

            // SIGTERM: the daemon shuts down cleanly, containers (none left) would keep running.
            Process.Start("kill", ["-TERM", _daemon.Id.ToString()])!.WaitForExit();
            if (!_daemon.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                _daemon.Kill();
            }
        }

        // The daemon's log outlives the root, for whoever has to find out why a test failed: one file per daemon
        // (several fixtures run at once), in a directory scripts/test.sh empties at the start of every run.
        if (File.Exists(DaemonLog))
        {
            var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "actorpod-e2e-logs")).FullName;
            File.Copy(DaemonLog, Path.Combine(logs, $"daemon-{Path.GetFileName(Root)}.log"), overwrite: true);
        }

        UnmountUnder(Root);
        Directory.Delete(Root, recursive: true);
    }

    /// <summary>Overlay mounts a crashed test may have left would make the root undeletable.</summary>
    static void UnmountUnder(string root)
    {
        var mounts = File.ReadAllLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(point => point.StartsWith(root + "/", StringComparison.Ordinal))
            .OrderByDescending(point => point.Length);
        foreach (var point in mounts)
        {
            Process.Start("umount", ["-l", point])!.WaitForExit();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DaemonCollection : ICollectionFixture<DaemonFixture>
{
    public const string Name = "daemon";
}
