using System.Text;

namespace ActorPod.Cli.Formatting;

/// <summary>Left-aligned columns separated by at least three spaces, as podman prints its tables.</summary>
public static class Table
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();

        var sb = new StringBuilder();
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count; i++)
            {
                sb.Append(i == row.Count - 1 ? row[i] : row[i].PadRight(widths[i] + 3));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
