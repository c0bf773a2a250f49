namespace ActorPod.Oci.Exec;

/// <summary>A process to run inside a running container, with the directory that holds its session files.</summary>
/// <param name="ContainerId">Full id of the running container (the runc id).</param>
/// <param name="ExecId">64 hex characters; names the session's attach socket entry.</param>
/// <param name="Args">The command and its arguments; a bare name is looked up in the container's PATH by runc.</param>
/// <param name="Env">KEY=VALUE entries; PATH gets the default when absent.</param>
/// <param name="User">uid, uid:gid, name or name:group; names are looked up in the container's rootfs.</param>
/// <param name="WorkingDir">Working directory inside the container; "/" when empty.</param>
/// <param name="Tty">Run on a pseudo-terminal: one output stream, resizable.</param>
/// <param name="AttachStdin">Keep stdin open for an attach client (closed when the client shuts down writing).</param>
/// <param name="Privileged">All capabilities and no no-new-privileges flag, like <c>exec --privileged</c>.</param>
/// <param name="ContainerRootfs">The container's root file system, for user name lookup.</param>
/// <param name="ExecDir">
/// The session's own directory: conmon's bundle for this exec (process.json, attach socket, ctl and winsz FIFOs),
/// its log and its exit directory. Never the container's bundle: conmon would replace the container's attach socket
/// and FIFOs there.
/// </param>
public sealed record ExecRequest(
    string ContainerId,
    string ExecId,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Env,
    string User,
    string WorkingDir,
    bool Tty,
    bool AttachStdin,
    bool Privileged,
    string ContainerRootfs,
    string ExecDir)
{
    public string ProcessSpecPath => Path.Combine(ExecDir, "process.json");

    public string PidFile => Path.Combine(ExecDir, "exec.pid");

    public string ConmonPidFile => Path.Combine(ExecDir, "conmon.pid");

    public string LogPath => Path.Combine(ExecDir, "exec.log");

    /// <summary>conmon names the exit file after the container id, so each session gets its own directory.</summary>
    public string ExitDirectory => Path.Combine(ExecDir, "exits");

    public string AttachSocketPath => Path.Combine(ExecDir, "attach");

    public string ControlFifoPath => Path.Combine(ExecDir, "ctl");
}
