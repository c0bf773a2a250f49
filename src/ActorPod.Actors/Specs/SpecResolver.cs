using ActorPod.Core.Decisions;
using ActorPod.Core.Errors;
using ActorPod.Core.Naming;
using ActorPod.Core.State;
using ActorPod.Messages.Model;
using ActorPod.Storage;

namespace ActorPod.Actors.Specs;

/// <summary>
/// Resolves what a user asked for against the image it names, the way Docker does: an entrypoint given on the
/// command line drops the image's command, environment variables override the image's by key.
/// </summary>
public static class SpecResolver
{
    const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static ContainerSpec Resolve(string id, ContainerConfig config, ImageRecord image)
    {
        var entrypoint = config.Entrypoint ?? image.Config.Entrypoint;
        var cmd = config.Cmd.Count > 0 ? config.Cmd : config.Entrypoint is null ? image.Config.Cmd : [];
        var args = entrypoint.Concat(cmd).ToArray();
        if (args.Length == 0)
        {
            throw ActorPodException.InvalidArgument($"no command specified for image {config.Image}");
        }

        var stopSignal = config.StopSignal ?? image.Config.StopSignal ?? "SIGTERM";
        if (!Signals.TryParse(stopSignal, out _))
        {
            throw ActorPodException.InvalidArgument($"invalid stop signal: {stopSignal}");
        }

        var policy = config.RestartPolicy ?? RestartPolicy.No;
        if (!RestartPolicies.IsValid(policy))
        {
            throw ActorPodException.InvalidArgument($"invalid restart policy {policy.Name}:{policy.MaximumRetryCount}:"
                + " expected no, on-failure[:N], always or unless-stopped");
        }

        if (config.AutoRemove && policy.Name != "no")
        {
            throw ActorPodException.InvalidArgument(
                $"conflicting options: restart policy {policy.Name} and automatic removal (--rm)");
        }

        ValidateNetwork(config.NetworkMode);
        ValidateBinds(config.Binds);
        ValidateEnv(config.Env);

        return new ContainerSpec
        {
            Image = config.Image,
            ImageId = image.Id,
            Args = args,
            Entrypoint = entrypoint.ToArray(),
            Cmd = cmd.ToArray(),
            Env = MergeEnv(image.Config.Env, config.Env),
            WorkingDir = First(config.WorkingDir, image.Config.WorkingDir, "/"),
            User = First(config.User, image.Config.User, ""),
            Hostname = First(config.Hostname, ContainerIds.Short(id)),
            Labels = MergeLabels(image.Config.Labels, config.Labels),
            Tty = config.Tty,
            OpenStdin = config.OpenStdin,
            Binds = config.Binds.ToArray(),
            NetworkMode = config.NetworkMode,
            StopSignal = stopSignal,
            StopTimeout = config.StopTimeout ?? 10,
            AutoRemove = config.AutoRemove,
            RestartPolicy = policy,
        };
    }

    static string First(params string?[] candidates) => candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? "";

    static IReadOnlyList<string> MergeEnv(IReadOnlyList<string> image, IReadOnlyList<string> user)
    {
        var merged = new List<string>();
        foreach (var pair in image.Concat(user))
        {
            var key = KeyOf(pair);
            merged.RemoveAll(existing => KeyOf(existing) == key);
            merged.Add(pair);
        }

        if (!merged.Any(e => KeyOf(e) == "PATH"))
        {
            merged.Insert(0, DefaultPath);
        }

        return merged;
    }

    static string KeyOf(string pair) => pair.Split('=', 2)[0];

    static IReadOnlyDictionary<string, string> MergeLabels(
        IReadOnlyDictionary<string, string> image, IReadOnlyDictionary<string, string> user)
    {
        var merged = new Dictionary<string, string>(image);
        foreach (var (key, value) in user)
        {
            merged[key] = value;
        }

        return merged;
    }

    static void ValidateNetwork(string mode)
    {
        if (mode is not ("none" or "host"))
        {
            throw ActorPodException.InvalidArgument(
                $"network mode {mode} is not supported: use none or host");
        }
    }

    static void ValidateBinds(IReadOnlyList<BindMount> binds)
    {
        foreach (var bind in binds)
        {
            if (!Path.IsPathRooted(bind.Source) || !Path.IsPathRooted(bind.Destination))
            {
                throw ActorPodException.InvalidArgument(
                    $"invalid volume {bind.Source}:{bind.Destination}: both paths must be absolute");
            }

            if (!Path.Exists(bind.Source))
            {
                throw ActorPodException.InvalidArgument(
                    $"invalid volume {bind.Source}:{bind.Destination}: {bind.Source} does not exist");
            }
        }
    }

    static void ValidateEnv(IReadOnlyList<string> env)
    {
        var bad = env.FirstOrDefault(e => e.Length == 0 || e.StartsWith('='));
        if (bad is not null)
        {
            throw ActorPodException.InvalidArgument($"invalid environment variable: \"{bad}\"");
        }
    }
}
