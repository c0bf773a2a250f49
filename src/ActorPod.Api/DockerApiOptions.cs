namespace ActorPod.Api;

/// <summary>How the daemon's Docker Engine API listens and what it reports about itself.</summary>
public sealed record DockerApiOptions
{
    /// <summary>The unix socket to listen on; a stale socket file is removed first, the new one gets mode
    /// 0660.</summary>
    public required string SocketPath { get; init; }

    /// <summary>The daemon's root directory; image uploads are spooled under <c>Root/tmp</c>.</summary>
    public required string Root { get; init; }

    /// <summary>Highest API version served (and reported by <c>/_ping</c> and <c>/version</c>).</summary>
    public string ApiVersion { get; init; } = "1.47";

    /// <summary>Lowest API version accepted in a versioned path.</summary>
    public string MinApiVersion { get; init; } = "1.24";

    /// <summary>ActorPod's own version.</summary>
    public string ServerVersion { get; init; } = "0.1.0";

    public string GitCommit { get; init; } = "unknown";

    /// <summary>Host name reported by <c>/info</c>.</summary>
    public string Name { get; init; } = Environment.MachineName;

    /// <summary>Cap on JSON request bodies.</summary>
    public long MaxJsonBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Cap on image load and import bodies; null for none.</summary>
    public long? MaxImageBodyBytes { get; init; } = 64L * 1024 * 1024 * 1024;

    /// <summary>How long ordinary commands may take in the supervisor before the API gives up.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
