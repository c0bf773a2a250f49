using System.Text.Json.Nodes;

namespace ActorPod.Oci.Spec;

// The subset of the OCI runtime spec (1.0.2) that ActorPod writes. Every name the spec uses is the camel-case form
// of the C# name, so OciSpecJson's naming policy spells them and no attribute is needed.

/// <summary>An OCI runtime <c>config.json</c>.</summary>
public sealed record OciSpec(
    string OciVersion,
    OciProcess Process,
    OciRoot Root,
    string Hostname,
    IReadOnlyList<OciMount> Mounts,
    OciLinux Linux);

/// <summary>The container's first process.</summary>
public sealed record OciProcess(
    bool Terminal,
    OciUser User,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Env,
    string Cwd,
    OciCapabilities Capabilities,
    IReadOnlyList<OciRlimit> Rlimits,
    bool NoNewPrivileges);

/// <summary>Numeric ids the process runs as.</summary>
public sealed record OciUser(uint Uid, uint Gid, IReadOnlyList<uint>? AdditionalGids = null);

/// <summary>Capability sets; inheritable and ambient stay empty like Docker's.</summary>
public sealed record OciCapabilities(
    IReadOnlyList<string> Bounding,
    IReadOnlyList<string> Effective,
    IReadOnlyList<string> Permitted);

/// <summary>One resource limit, e.g. RLIMIT_NOFILE.</summary>
public sealed record OciRlimit(string Type, ulong Hard, ulong Soft);

/// <summary>The root file system.</summary>
public sealed record OciRoot(string Path, bool Readonly);

/// <summary>A mount in the container's mount namespace.</summary>
public sealed record OciMount(string Destination, string Type, string Source, IReadOnlyList<string> Options);

/// <summary>Linux-specific settings.</summary>
public sealed record OciLinux(
    IReadOnlyList<OciNamespace> Namespaces,
    OciResources Resources,
    string CgroupsPath,
    IReadOnlyList<string> MaskedPaths,
    IReadOnlyList<string> ReadonlyPaths,
    JsonNode? Seccomp = null);

/// <summary>A namespace to create (no path: a new one).</summary>
public sealed record OciNamespace(string Type);

/// <summary>Cgroup resources; only the device rules so far.</summary>
public sealed record OciResources(IReadOnlyList<OciDeviceRule> Devices);

/// <summary>A device cgroup rule; runc adds its default allowed devices after a deny-all.</summary>
public sealed record OciDeviceRule(bool Allow, string Access);
