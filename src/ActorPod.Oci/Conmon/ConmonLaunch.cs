namespace ActorPod.Oci.Conmon;

/// <summary>Everything conmon needs for one container, with the files it will write.</summary>
public sealed record ConmonLaunch(string ContainerId, string BundlePath, string ContainerDir, bool Tty, bool OpenStdin)
{
    public string PidFile => Path.Combine(ContainerDir, "container.pid");

    public string ConmonPidFile => Path.Combine(ContainerDir, "conmon.pid");

    public string LogPath => Path.Combine(ContainerDir, "ctr.log");
}

/// <summary>conmon reported the container's pid; <see cref="ConmonPid"/> is the daemonized conmon.</summary>
public sealed record ConmonStarted(int Pid, int ConmonPid);
