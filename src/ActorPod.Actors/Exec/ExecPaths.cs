namespace ActorPod.Actors.Exec;

/// <summary>
/// Where an exec session keeps its files: its own directory under the container's, named by a prefix of the exec
/// id (kept short because conmon's attach socket path lives in it). A restarted supervisor finds them here.
/// </summary>
public static class ExecPaths
{
    public static string Directory(string containerDir, string execId) =>
        Path.Join(containerDir, "exec", execId[..16]);

    public static string ExitFile(string execDir, string containerId) => Path.Join(execDir, "exits", containerId);

    public static string ConmonPidFile(string execDir) => Path.Join(execDir, "conmon.pid");
}
