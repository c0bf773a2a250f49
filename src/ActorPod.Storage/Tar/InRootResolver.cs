namespace ActorPod.Storage.Tar;

/// <summary>
/// Resolves directory paths under a root the way securejoin does: component by component, following a relative
/// symlink only while it stays inside the root. Extraction writes through the result, so it must never name a
/// place outside the root.
/// </summary>
internal static class InRootResolver
{
    // The kernel's own limit on nested symlinks; a loop in a hostile archive stops here.
    private const int MaxLinkHops = 40;

    /// <summary>Resolves <paramref name="components"/> to a real directory inside <paramref name="root"/>, creating
    /// missing directories when <paramref name="create"/> is set.</summary>
    public static string ResolveDirectory(string root, IEnumerable<string> components, string entryName, bool create)
    {
        var pending = new Stack<string>(components.Reverse());
        var resolved = new List<string>();
        var hops = 0;

        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (resolved.Count == 0)
                {
                    throw EntryPaths.Refuse(entryName, "a symlink in its path leads outside the root");
                }

                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }

            var path = Join(root, resolved, part);
            var linkTarget = new FileInfo(path).LinkTarget;
            if (linkTarget is not null)
            {
                PushLink(pending, linkTarget, part, entryName, ref hops);
                continue;
            }

            EnsureDirectory(path, part, entryName, create);
            resolved.Add(part);
        }

        return Join(root, resolved, "");
    }

    private static void PushLink(Stack<string> pending, string target, string part, string entryName, ref int hops)
    {
        // An absolute target means a path in the container's root, but a layer directory holds one layer only:
        // following it inside this directory would write where the container would not look, so refuse.
        if (target.StartsWith('/'))
        {
            throw EntryPaths.Refuse(entryName, $"its path goes through the symlink '{part}' -> '{target}', " +
                "which leaves the root; expected a relative symlink that stays inside");
        }

        if (++hops > MaxLinkHops)
        {
            throw EntryPaths.Refuse(entryName, $"more than {MaxLinkHops} symlinks in its path");
        }

        foreach (var piece in target.Split('/').Reverse())
        {
            pending.Push(piece);
        }
    }

    private static void EnsureDirectory(string path, string part, string entryName, bool create)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (File.Exists(path))
        {
            throw EntryPaths.Refuse(entryName, $"'{part}' in its path is a file; expected a directory");
        }

        if (!create)
        {
            throw EntryPaths.Refuse(entryName, $"'{part}' in its path does not exist");
        }

        Directory.CreateDirectory(path);
    }

    private static string Join(string root, List<string> resolved, string last) =>
        Path.Join(root, string.Join('/', resolved), last);
}
