using ActorPod.Api.Dto;
using ActorPod.Api.Http;
using ActorPod.Core.Naming;
using ActorPod.Messages.Model;

namespace ActorPod.Api.Mapping;

/// <summary>Validates Docker's create body and turns it into the supervisor's <see cref="ContainerConfig"/>.</summary>
public static class CreateRequestMapper
{
    public static ContainerConfig ToConfig(CreateContainerRequest? body, string? name)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Image))
        {
            throw ApiException.BadRequest("config cannot be empty in order to create a container: Image is required");
        }

        if (!string.IsNullOrEmpty(name) && !ContainerNames.IsValid(name))
        {
            throw ApiException.BadRequest(
                $"Invalid container name ({name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }

        var host = body.HostConfig ?? new CreateHostConfig();
        return new ContainerConfig
        {
            Image = body.Image,
            Name = string.IsNullOrEmpty(name) ? null : ContainerNames.Normalize(name),
            Entrypoint = Entrypoint(body.Entrypoint),
            Cmd = body.Cmd ?? [],
            Env = body.Env ?? [],
            WorkingDir = NullIfEmpty(body.WorkingDir),
            User = NullIfEmpty(body.User),
            Hostname = NullIfEmpty(body.Hostname),
            Labels = body.Labels ?? [],
            Tty = body.Tty,
            OpenStdin = body.OpenStdin,
            Binds = (host.Binds ?? []).Select(ParseBind).ToList(),
            NetworkMode = NetworkMode(host.NetworkMode),
            StopSignal = NullIfEmpty(body.StopSignal),
            StopTimeout = body.StopTimeout,
            AutoRemove = host.AutoRemove,
            RestartPolicy = RestartPolicy(host.RestartPolicy),
            Requires = body.Requires ?? [],
        };
    }

    // Docker clients send an empty name for "no policy".
    static RestartPolicy? RestartPolicy(RestartPolicyDto? dto)
    {
        if (dto is null || string.IsNullOrEmpty(dto.Name))
        {
            return null;
        }

        var policy = new RestartPolicy(dto.Name, dto.MaximumRetryCount);
        return Core.State.RestartPolicies.IsValid(policy)
            ? policy
            : throw ApiException.BadRequest($"invalid restart policy {dto.Name} with {dto.MaximumRetryCount} retries:"
                + " expected no, on-failure (retries only there), always or unless-stopped");
    }

    /// <summary><c>HOST:CTR[:ro|rw]</c>, both paths absolute.</summary>
    public static BindMount ParseBind(string bind)
    {
        var parts = bind.Split(':');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('/') || !parts[1].StartsWith('/'))
        {
            throw ApiException.BadRequest($"invalid bind mount {bind}: expected /host/path:/container/path[:ro]");
        }

        var mode = parts.Length == 3 ? parts[2] : "rw";
        if (mode is not ("ro" or "rw"))
        {
            throw ApiException.BadRequest($"invalid bind mount {bind}: mode {mode} is neither ro nor rw");
        }

        return new BindMount(parts[0], parts[1], mode == "ro");
    }

    // The docker CLI sends [""] for --entrypoint "": it means "no entrypoint", not an empty program name.
    static IReadOnlyList<string>? Entrypoint(List<string>? entrypoint) => entrypoint switch
    {
        null => null,
        [""] => [],
        _ => entrypoint,
    };

    // Docker clients send "default" (or nothing); ActorPod's default is no network at all.
    static string NetworkMode(string? mode) => mode switch
    {
        null or "" or "default" => "none",
        "none" or "host" => mode,
        _ => throw ApiException.BadRequest($"network mode {mode} is not supported: use none or host"),
    };

    static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
