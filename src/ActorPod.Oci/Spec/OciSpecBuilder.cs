using System.Text.Json.Nodes;
using ActorPod.Core.Naming;
using ActorPod.Messages.Model;

namespace ActorPod.Oci.Spec;

/// <summary>Builds the OCI runtime spec of a container from its resolved <see cref="ContainerSpec"/>.</summary>
/// <param name="cgroupParent">Cgroupfs parent; the container's cgroup is <c>{cgroupParent}/{id}</c>.</param>
/// <param name="hostNoFileHardLimit">The host's hard RLIMIT_NOFILE (see <see cref="HostRlimits"/>).</param>
/// <param name="seccomp">A <c>linux.seccomp</c> object, or null for no syscall filter.</param>
public sealed class OciSpecBuilder(string cgroupParent, ulong hostNoFileHardLimit, JsonNode? seccomp = null)
{
    /// <summary>A builder for this host and these options (reads the rlimit and the seccomp profile once).</summary>
    public static OciSpecBuilder ForHost(RuntimeOptions options)
    {
        var seccomp = options.SeccompProfilePath is { } path ? JsonNode.Parse(File.ReadAllText(path)) : null;
        return new OciSpecBuilder(options.CgroupParent, HostRlimits.NoFileHardLimit(), seccomp);
    }

    public OciSpec Build(string containerId, ContainerSpec spec, string rootfs)
    {
        if (spec.Args.Count == 0)
        {
            throw Core.Errors.ActorPodException.InvalidArgument(
                $"container {containerId} has no command: neither an entrypoint nor a cmd");
        }

        var ownNetwork = spec.NetworkMode != "host";

        var process = new OciProcess(
            Terminal: spec.Tty,
            User: UserResolver.Resolve(spec.User, rootfs),
            Args: spec.Args,
            Env: Environment(spec),
            Cwd: string.IsNullOrEmpty(spec.WorkingDir) ? "/" : spec.WorkingDir,
            Capabilities: new OciCapabilities(OciDefaults.Capabilities, OciDefaults.Capabilities,
                OciDefaults.Capabilities),
            Rlimits: [HostRlimits.NoFile(OciDefaults.NoFileLimit, hostNoFileHardLimit)],
            NoNewPrivileges: true);

        var linux = new OciLinux(
            Namespaces: Namespaces(ownNetwork),
            Resources: new OciResources([new OciDeviceRule(false, "rwm")]),
            CgroupsPath: $"{cgroupParent.TrimEnd('/')}/{containerId}",
            MaskedPaths: OciDefaults.MaskedPaths,
            ReadonlyPaths: OciDefaults.ReadonlyPaths,
            Seccomp: seccomp?.DeepClone());

        return new OciSpec(
            OciDefaults.OciVersion,
            process,
            new OciRoot(rootfs, Readonly: false),
            string.IsNullOrEmpty(spec.Hostname) ? ContainerIds.Short(containerId) : spec.Hostname,
            [.. OciDefaults.Mounts(ownNetwork), .. spec.Binds.Select(BindMount)],
            linux);
    }

    private static List<string> Environment(ContainerSpec spec)
    {
        var env = spec.Env.ToList();
        if (!env.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal)))
        {
            env.Insert(0, OciDefaults.DefaultPath);
        }

        // Programs that draw on a terminal need to know its type; podman and Docker set the same.
        if (spec.Tty && !env.Any(e => e.StartsWith("TERM=", StringComparison.Ordinal)))
        {
            env.Add("TERM=xterm");
        }

        return env;
    }

    private static List<OciNamespace> Namespaces(bool ownNetwork)
    {
        var namespaces = new List<OciNamespace> { new("pid"), new("ipc"), new("uts"), new("mount") };
        if (ownNetwork)
        {
            namespaces.Add(new("network"));
        }

        return namespaces;
    }

    private static OciMount BindMount(BindMount bind)
    {
        List<string> options = ["rbind", "rprivate", bind.ReadOnly ? "ro" : "rw"];
        return new OciMount(bind.Destination, "bind", bind.Source, options);
    }
}
