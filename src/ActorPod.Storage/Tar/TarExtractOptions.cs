namespace ActorPod.Storage.Tar;

/// <summary>What <see cref="SafeTarExtractor"/> lets through beyond files, directories and links.</summary>
public sealed record TarExtractOptions
{
    /// <summary>Turn <c>.wh.NAME</c> into a 0:0 character device and <c>.wh..wh..opq</c> into the
    /// <c>trusted.overlay.opaque</c> xattr, the form overlayfs reads in a lower directory.</summary>
    public bool TranslateWhiteouts { get; init; } = true;

    /// <summary>Create block and character devices other than the 0:0 whiteout. Off: an image has no business
    /// handing the host a device node; the runtime creates /dev itself.</summary>
    public bool AllowDevices { get; init; }

    /// <summary>Set uid and gid from the entry (needs root); off for archives that are only read back.</summary>
    public bool PreserveOwnership { get; init; } = true;

    /// <summary>
    /// Read <c>/etc/x</c> as <c>etc/x</c> under the target, as Docker does when copying into a container (clients
    /// such as Testcontainers send absolute names). Off for image layers, where an absolute name is refused.
    /// </summary>
    public bool AbsoluteNamesAreRelative { get; init; }

    /// <summary>For image layers used as overlay lower directories.</summary>
    public static TarExtractOptions Layer { get; } = new();

    /// <summary>For an image archive unpacked to be read: no whiteout translation, no ownership.</summary>
    public static TarExtractOptions Archive { get; } = new() { TranslateWhiteouts = false, PreserveOwnership = false };
}
