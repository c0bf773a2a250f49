using System.Collections.Concurrent;
using System.Threading.Channels;
using ActorPod.Actors.Attach;
using ActorPod.Actors.Exec;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Attach;
using ActorPod.Oci.Exec;

namespace ActorPod.Actors.Tests.Fakes;

/// <summary>An exec launcher whose processes tests drive by hand: emit output, exit, or fail to start.</summary>
public sealed class FakeExecRuntime : IExecLauncher
{
    /// <summary>When set, starts fail with this as runc's own words.</summary>
    public string? FailStartWith { get; set; }

    public ConcurrentDictionary<string, FakeExecProcess> Processes { get; } = new();

    public Task<IExecProcess> PrepareAsync(ExecRequest request, CancellationToken ct)
    {
        var process = new FakeExecProcess(request, FailStartWith);
        Processes[request.ExecId] = process;
        return Task.FromResult<IExecProcess>(process);
    }
}

/// <summary>One fake exec process with its attach channel.</summary>
public sealed class FakeExecProcess(ExecRequest request, string? failWith) : IExecProcess
{
    readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeAttachChannel Channel { get; } = new();

    public ExecRequest Request { get; } = request;

    public Task<IAttachChannel> AttachAsync(CancellationToken ct) => Task.FromResult<IAttachChannel>(Channel);

    public Task<int> StartAsync(CancellationToken ct)
    {
        if (failWith is not null)
        {
            var error = ContainerError.RuntimeFailed(Request.ContainerId,
                $"exec {Request.ExecId[..12]} in container {Request.ContainerId} failed to start: {failWith}");
            throw new ExecStartFailedException(error, ExecStartFailures.Classify(failWith), failWith);
        }

        return Task.FromResult(4711);
    }

    public Task<int> Exited => _exited.Task;

    /// <summary>The process exits: conmon closes the attach stream and reports the code.</summary>
    public void Exit(int code)
    {
        Channel.Close();
        _exited.TrySetResult(code);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>An attach channel: output is what the test emits, stdin is recorded.</summary>
public sealed class FakeAttachChannel : IAttachChannel
{
    readonly Channel<AttachFrame> _output = System.Threading.Channels.Channel.CreateUnbounded<AttachFrame>();

    public ConcurrentQueue<byte> Stdin { get; } = new();

    public bool StdinClosed { get; private set; }

    public bool Disposed { get; private set; }

    public void Emit(AttachStream stream, string text) =>
        _output.Writer.TryWrite(new AttachFrame(stream, System.Text.Encoding.UTF8.GetBytes(text)));

    public void Close() => _output.Writer.TryComplete();

    public async ValueTask<AttachFrame?> ReadAsync(CancellationToken ct) =>
        await _output.Reader.WaitToReadAsync(ct) && _output.Reader.TryRead(out var frame) ? frame : null;

    public Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        foreach (var b in data.ToArray())
        {
            Stdin.Enqueue(b);
        }

        return Task.CompletedTask;
    }

    public Task CloseStdinAsync()
    {
        StdinClosed = true;
        return Task.CompletedTask;
    }

    public Task ResizeAsync(int width, int height) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

/// <summary>An attach client the test types into, reads from, and can make vanish.</summary>
public sealed class FakeAttachClient : IAttachClient
{
    readonly Channel<byte[]> _input = System.Threading.Channels.Channel.CreateUnbounded<byte[]>();
    volatile bool _gone;

    public ConcurrentQueue<(AttachStream Stream, string Text)> Output { get; } = new();

    public AttachEnd? End { get; private set; }

    public void Type(params byte[] bytes) => _input.Writer.TryWrite(bytes);

    public void CloseInput() => _input.Writer.TryComplete();

    /// <summary>The connection drops: reads and writes fail from now on.</summary>
    public void Vanish()
    {
        _gone = true;
        _input.Writer.TryComplete(new IOException("connection reset by peer"));
    }

    public ValueTask WriteAsync(AttachStream stream, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (_gone)
        {
            throw new IOException("broken pipe");
        }

        Output.Enqueue((stream, System.Text.Encoding.UTF8.GetString(data.Span)));
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadInputAsync(Memory<byte> buffer, CancellationToken ct)
    {
        if (!await _input.Reader.WaitToReadAsync(ct) || !_input.Reader.TryRead(out var bytes))
        {
            return 0;
        }

        bytes.CopyTo(buffer);
        return bytes.Length;
    }

    public void Complete(AttachEnd end) => End ??= end;
}
