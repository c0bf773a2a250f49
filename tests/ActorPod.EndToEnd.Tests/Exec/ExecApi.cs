using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ActorPod.EndToEnd.Tests.Exec;

/// <summary>Exec through the Docker API directly, for tests that need many sessions fast or exact replies.</summary>
public static class ExecApi
{
    /// <summary>Creates an exec; null when the daemon refused it with 409 (the container is not running).</summary>
    public static async Task<string?> TryCreateAsync(HttpClient http, string container, params string[] cmd)
    {
        using var response = await http.PostAsJsonAsync($"/containers/{container}/exec",
            new { Cmd = cmd, AttachStdout = true, AttachStderr = true });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("Id").GetString();
    }

    /// <summary>Starts an exec and reads its whole output; false when refused with 409.</summary>
    public static async Task<bool> TryStartAsync(HttpClient http, string execId, bool detach)
    {
        using var response = await http.PostAsJsonAsync($"/exec/{execId}/start", new { Detach = detach });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await response.Content.ReadAsByteArrayAsync();
        return true;
    }

    public static async Task<JsonElement> InspectAsync(HttpClient http, string execId)
    {
        var text = await http.GetStringAsync($"/exec/{execId}/json");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public static async Task<List<string>> ExecIdsAsync(HttpClient http, string container)
    {
        var text = await http.GetStringAsync($"/containers/{container}/json");
        using var doc = JsonDocument.Parse(text);
        var ids = doc.RootElement.GetProperty("ExecIDs");
        return ids.ValueKind == JsonValueKind.Array ? [.. ids.EnumerateArray().Select(e => e.GetString()!)] : [];
    }

    /// <summary>conmon processes of exec sessions under <paramref name="root"/> still alive.</summary>
    public static List<int> ExecConmons(string root) => Directory.GetDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .Where(pid => pid > 0 && IsExecConmon(pid, root))
        .ToList();

    static bool IsExecConmon(int pid, string root)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return cmdline.Contains("conmon") && cmdline.Contains("--exec-process-spec") && cmdline.Contains(root);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
