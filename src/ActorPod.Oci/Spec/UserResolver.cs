using ActorPod.Core.Errors;

namespace ActorPod.Oci.Spec;

/// <summary>
/// Turns a container's <c>User</c> (<c>uid</c>, <c>uid:gid</c>, <c>name</c>, <c>name:group</c>) into numeric ids,
/// looking names up in the rootfs's own <c>/etc/passwd</c> and <c>/etc/group</c>, never the host's.
/// </summary>
public static class UserResolver
{
    public static OciUser Resolve(string user, string rootfs)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            return new OciUser(0, 0);
        }

        var colon = user.IndexOf(':');
        var userPart = colon < 0 ? user : user[..colon];
        var groupPart = colon < 0 ? null : user[(colon + 1)..];

        var (uid, primaryGid) = ResolveUser(userPart, rootfs);
        var gid = groupPart is null or "" ? primaryGid : ResolveGroup(groupPart, rootfs);
        return new OciUser(uid, gid);
    }

    private static (uint Uid, uint Gid) ResolveUser(string user, string rootfs)
    {
        if (uint.TryParse(user, out var uid))
        {
            // A numeric uid needs no passwd entry; its primary group comes from one when there is one.
            var byId = ReadEntries(rootfs, "passwd").FirstOrDefault(f => f.Length >= 4 && f[2] == user);
            return (uid, byId is not null && uint.TryParse(byId[3], out var g) ? g : 0);
        }

        var entry = ReadEntries(rootfs, "passwd").FirstOrDefault(f => f.Length >= 4 && f[0] == user);
        if (entry is null || !uint.TryParse(entry[2], out uid) || !uint.TryParse(entry[3], out var gid))
        {
            throw ActorPodException.InvalidArgument($"unable to find user {user}: no matching entries in passwd file");
        }

        return (uid, gid);
    }

    private static uint ResolveGroup(string group, string rootfs)
    {
        if (uint.TryParse(group, out var gid))
        {
            return gid;
        }

        var entry = ReadEntries(rootfs, "group").FirstOrDefault(f => f.Length >= 3 && f[0] == group);
        if (entry is null || !uint.TryParse(entry[2], out gid))
        {
            throw ActorPodException.InvalidArgument($"unable to find group {group}: no matching entries in group file");
        }

        return gid;
    }

    // The image is hostile until proven otherwise: a symlinked etc/ or etc/passwd could name a host file, so a
    // link is not followed and such an image resolves numeric users only.
    private static IEnumerable<string[]> ReadEntries(string rootfs, string file)
    {
        var etc = Path.Combine(rootfs, "etc");
        var path = Path.Combine(etc, file);
        if (new FileInfo(etc).LinkTarget is not null || new FileInfo(path).LinkTarget is not null
            || !File.Exists(path))
        {
            return [];
        }

        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':'));
    }
}
