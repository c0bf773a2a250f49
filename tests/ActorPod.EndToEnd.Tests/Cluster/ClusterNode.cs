using System.Diagnostics;
using ActorPod.EndToEnd.Tests.Infrastructure;

namespace ActorPod.EndToEnd.Tests.Cluster;

/// <summary>One <c>actorpodd</c> of a test cluster: its own root and socket, remoting on 127.0.0.1:Port.</summary>
public sealed class ClusterNode(string name, string root, int port, string seed, string postgres, string authority)
{
    Process? _daemon;

    public string Name => name;

    public string Socket => Path.Combine(root, "api.sock");

    public string Log => Path.Combine(root, "daemon.log");

    public string Root => root;

    public bool Running => _daemon is { HasExited: false };

    public async Task StartAsync()
    {
        Directory.CreateDirectory(root);
        var info = new ProcessStartInfo(Binaries.Daemon)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--root", Path.Combine(root, "root"), "--socket", Socket, "--node", name,
                     "--cluster-host", "127.0.0.1", "--cluster-port", port.ToString(), "--seed", seed,
                     "--postgres", postgres, "--cluster-ca", authority,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        _daemon = Process.Start(info)!;
        var log = File.AppendText(Log);
        log.AutoFlush = true;
        _daemon.OutputDataReceived += (_, e) => Write(log, e.Data);
        _daemon.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _daemon.BeginOutputReadLine();
        _daemon.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await Cli("images")).ExitCode != 0)
        {
            if (_daemon.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{name} did not start: {await File.ReadAllTextAsync(Log)}");
            }

            await Task.Delay(200);
        }
    }

    static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    public Task<CommandResult> Cli(params string[] args) => ProcessRunner.RunAsync(Binaries.Cli, args,
        new Dictionary<string, string> { ["ACTORPOD_HOST"] = "unix://" + Socket });

    /// <summary>SIGKILL, as a crash; its containers keep running under conmon.</summary>
    public async Task KillAsync()
    {
        _daemon!.Kill();
        await _daemon.WaitForExitAsync();
    }

    public async Task StopAsync()
    {
        if (_daemon is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _daemon.Id.ToString()])!.WaitForExit();
            if (!_daemon.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                await KillAsync();
            }
        }
    }
}
