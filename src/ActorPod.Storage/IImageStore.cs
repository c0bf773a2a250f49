namespace ActorPod.Storage;

/// <summary>The parts of an image's configuration a container inherits.</summary>
public sealed record ImageConfig
{
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    public IReadOnlyList<string> Cmd { get; init; } = [];

    public IReadOnlyList<string> Env { get; init; } = [];

    public string WorkingDir { get; init; } = "";

    public string User { get; init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public string? StopSignal { get; init; }
}

/// <summary>An image in the store.</summary>
/// <param name="Id">sha256 of the image config, 64 hex characters, without the <c>sha256:</c> prefix.</param>
/// <param name="RepoTags">References such as <c>busybox:latest</c>; empty for an untagged image.</param>
/// <param name="Layers">Diff ids of the layers (<c>sha256:...</c>), bottom first.</param>
public sealed record ImageRecord(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> Layers,
    ImageConfig Config,
    DateTimeOffset Created,
    long Size,
    string Architecture = "amd64",
    string Os = "linux");

/// <summary>
/// Images under the root: loaded from archives, never from a registry. Layers are unpacked once, by digest, and
/// shared. Bad or hostile input throws <see cref="Core.Errors.ActorPodException"/> (InvalidArgument) and leaves
/// the store as it was; unknown references throw it with NotFound.
/// </summary>
public interface IImageStore
{
    /// <summary>Loads a docker-archive (<c>docker save</c>) or OCI image layout tar; returns the images it
    /// held.</summary>
    Task<IReadOnlyList<ImageRecord>> LoadAsync(Stream archive, CancellationToken ct);

    /// <summary>Imports a plain root file system tar as a one-layer image, tagged with
    /// <paramref name="reference"/>.</summary>
    Task<ImageRecord> ImportAsync(Stream rootfs, string? reference, ImageConfig? config, CancellationToken ct);

    /// <summary>Resolves <c>name[:tag]</c>, <c>sha256:id</c>, a full id or a unique id prefix; null when
    /// unknown.</summary>
    ImageRecord? Find(string reference);

    IReadOnlyList<ImageRecord> List();

    /// <summary>Adds a tag to an image.</summary>
    void Tag(string reference, string newReference);

    /// <summary>Untags or deletes; returns Docker's <c>Untagged</c>/<c>Deleted</c> lines.</summary>
    Task<IReadOnlyList<string>> RemoveAsync(string reference, CancellationToken ct);

    /// <summary>Unpacked layer directories of an image, top layer first (overlay's lowerdir order).</summary>
    IReadOnlyList<string> LayerDirectories(ImageRecord image);
}

/// <summary>Per-container storage: a directory under the root and an overlay root file system.</summary>
public interface IContainerStorage
{
    /// <summary>The container's directory (created on first use).</summary>
    string ContainerDirectory(string containerId);

    /// <summary>Mounts the overlay of the image's layers and the container's upper directory; returns the merged
    /// path. Counted: every mount needs an unmount.</summary>
    Task<string> MountAsync(string containerId, ImageRecord image, CancellationToken ct);

    /// <summary>Drops one mount reference; unmounts when none is left (or at once with
    /// <paramref name="force"/>).</summary>
    Task UnmountAsync(string containerId, bool force, CancellationToken ct);

    /// <summary>Unmounts and deletes everything the container had on disk.</summary>
    Task RemoveAsync(string containerId, CancellationToken ct);
}
