namespace ActorPod.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the built <c>actorpodd</c> and <c>actorpod</c> next to this test assembly's build.</summary>
public static class Binaries
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: the same configuration this test project was built with.</summary>
    static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal)
        ? "Release"
        : "Debug";

    public static string Daemon => Built("ActorPod.Daemon", "actorpodd");

    public static string Cli => Built("ActorPod.Cli", "actorpod");

    public static string Script(string name) => Path.Combine(RepoRoot, "scripts", name);

    static string Built(string project, string name)
    {
        var path = Path.Combine(RepoRoot, "src", project, "bin", Configuration, "net10.0", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution before the end-to-end tests");
    }

    static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorPod.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ActorPod.sln not found above the test output");
    }
}
