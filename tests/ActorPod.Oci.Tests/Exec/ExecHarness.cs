using System.Text;
using ActorPod.Core.Naming;
using ActorPod.Oci.Attach;
using ActorPod.Oci.Exec;

namespace ActorPod.Oci.Tests.Exec;

/// <summary>What an exec printed, per stream, and how it ended.</summary>
public sealed record ExecOutput(string Stdout, string Stderr, int ExitCode, ExecSession Session);

/// <summary>Runs execs in one running busybox container of a <see cref="RuntimeHarness"/>.</summary>
public sealed class ExecHarness(RuntimeHarness h, string containerId)
{
    public ConmonExecRuntime Runtime { get; } = new(h.Options);

    public string ContainerId => containerId;

    public ExecRequest Request(IReadOnlyList<string> args, bool tty = false, bool stdin = false)
    {
        var execId = ContainerIds.New();
        var dir = Path.Combine(h.ContainerDir(containerId), "exec", ContainerIds.Short(execId));
        return new ExecRequest(containerId, execId, args, [], "", "", tty, stdin, false, h.Rootfs.Path, dir);
    }

    /// <summary>
    /// Prepares, attaches, starts, feeds <paramref name="input"/> (then closes stdin unless told not to) and reads
    /// until the exit.
    /// </summary>
    public async Task<ExecOutput> RunAsync(ExecRequest request, string? input = null,
        Action<AttachConnection>? beforeStart = null, Func<AttachConnection, Task>? afterStart = null,
        bool closeStdin = true)
    {
        await using var session = await Runtime.PrepareAsync(request, default);
        await using var attach = await AttachConnection.ConnectAsync(session.AttachSocketPath, default);
        beforeStart?.Invoke(attach);
        await session.StartAsync(default);
        if (afterStart is not null)
        {
            await afterStart(attach);
        }

        if (input is not null)
        {
            await attach.WriteStdinAsync(Encoding.UTF8.GetBytes(input), default);
            if (closeStdin)
            {
                await attach.CloseStdinAsync();
            }
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var timeout = new CancellationTokenSource(RuntimeHarness.Timeout);
        await foreach (var frame in attach.ReadAllAsync(timeout.Token))
        {
            (frame.Stream == AttachStream.Stderr ? stderr : stdout).Append(Encoding.UTF8.GetString(frame.Data.Span));
        }

        var code = await session.Exited.WaitAsync(RuntimeHarness.Timeout);
        return new ExecOutput(stdout.ToString(), stderr.ToString(), code, session);
    }
}
