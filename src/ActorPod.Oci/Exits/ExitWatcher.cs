using Serilog;

namespace ActorPod.Oci.Exits;

/// <summary>
/// Watches conmon's exit directory and raises <see cref="Exited"/> once per exit file. conmon writes a temporary
/// file and renames it, so Renamed is the usual event; Created covers writers that do not.
/// </summary>
public sealed class ExitWatcher : IDisposable
{
    private readonly string _directory;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher _watcher;

    // The mtime of the exit file last reported per id: a rename and a create, or a rescan, of the same file
    // must not report one exit twice.
    private readonly Dictionary<string, DateTimeOffset> _reported = [];

    public ExitWatcher(string directory, ILogger logger)
    {
        _directory = directory;
        _logger = logger;
        _watcher = new FileSystemWatcher(directory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite,
            IncludeSubdirectories = false,
        };
        _watcher.Created += (_, e) => OnFile(e.Name);
        _watcher.Renamed += (_, e) => OnFile(e.Name);
        _watcher.Error += (_, e) => OnOverflow(e.GetException());
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised on a thread-pool thread for each new exit file.</summary>
    public event Action<RuntimeExit>? Exited;

    /// <summary>Forgets <paramref name="containerId"/>'s last exit, so its next run reports again.</summary>
    public void Forget(string containerId)
    {
        lock (_reported)
        {
            _reported.Remove(containerId);
        }
    }

    public void Dispose() => _watcher.Dispose();

    private void OnFile(string? name)
    {
        if (name is null || !ExitFiles.IsExitFileName(name))
        {
            return;
        }

        var exit = ExitFiles.Read(_directory, name);
        if (exit is null)
        {
            _logger.Warning("Exit file of {ContainerId} holds no exit code", name);
            return;
        }

        lock (_reported)
        {
            if (_reported.TryGetValue(name, out var at) && at == exit.At)
            {
                return;
            }

            _reported[name] = exit.At;
        }

        _logger.Debug("Container {ContainerId} exited with {ExitCode}", name, exit.ExitCode);
        Exited?.Invoke(exit);
    }

    // The kernel's event queue overflowed: some events are lost, so look at every file once.
    private void OnOverflow(Exception e)
    {
        _logger.Warning(e, "Exit watcher on {Directory} lost events; rescanning", _directory);
        foreach (var path in Directory.EnumerateFiles(_directory))
        {
            OnFile(Path.GetFileName(path));
        }
    }
}
