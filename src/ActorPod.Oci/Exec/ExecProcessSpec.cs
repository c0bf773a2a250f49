using System.Text.Json;
using System.Text.Json.Serialization;
using ActorPod.Oci.Spec;

namespace ActorPod.Oci.Exec;

/// <summary>Builds the <c>process.json</c> that <c>runc exec --process</c> reads for an exec session.</summary>
public static class ExecProcessSpec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The process of <paramref name="request"/>; its user is resolved in the container's rootfs.</summary>
    public static OciProcess Build(ExecRequest request, ulong hostNoFileHardLimit)
    {
        var caps = request.Privileged ? AllCapabilities.OnThisKernel() : OciDefaults.Capabilities;

        return new OciProcess(
            Terminal: request.Tty,
            User: UserResolver.Resolve(request.User, request.ContainerRootfs),
            Args: request.Args,
            Env: Environment(request),
            Cwd: string.IsNullOrEmpty(request.WorkingDir) ? "/" : request.WorkingDir,
            Capabilities: new OciCapabilities(caps, caps, caps),
            Rlimits: [HostRlimits.NoFile(OciDefaults.NoFileLimit, hostNoFileHardLimit)],
            NoNewPrivileges: !request.Privileged);
    }

    public static string Serialize(OciProcess process) => JsonSerializer.Serialize(process, Json);

    private static List<string> Environment(ExecRequest request)
    {
        var env = request.Env.ToList();
        if (!env.Any(e => e.StartsWith("PATH=", StringComparison.Ordinal)))
        {
            env.Insert(0, OciDefaults.DefaultPath);
        }

        if (request.Tty && !env.Any(e => e.StartsWith("TERM=", StringComparison.Ordinal)))
        {
            env.Add("TERM=xterm");
        }

        return env;
    }
}
