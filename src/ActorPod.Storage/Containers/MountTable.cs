namespace ActorPod.Storage.Containers;

/// <summary>Reads /proc/self/mountinfo: after a restart it is the only record of what is mounted.</summary>
internal static class MountTable
{
    public static bool IsMounted(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd('/');
        return File.ReadLines("/proc/self/mountinfo").Any(line => MountPoint(line) == full);
    }

    // Field 5 is the mount point, with space, tab, newline and backslash written as octal escapes.
    private static string? MountPoint(string line)
    {
        var fields = line.Split(' ');
        return fields.Length > 4 ? Unescape(fields[4]) : null;
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }

        var result = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length)
            {
                result.Append((char)Convert.ToInt32(text.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
