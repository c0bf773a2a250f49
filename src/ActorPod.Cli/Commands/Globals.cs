using System.CommandLine;
using ActorPod.Cli.Client;

namespace ActorPod.Cli.Commands;

/// <summary>The global <c>--host</c> option and the client made from it.</summary>
public static class Globals
{
    public static readonly Option<string?> Host = new("--host", "-H")
    {
        Description = $"Daemon socket, unix:///PATH (env ACTORPOD_HOST, default {DaemonAddress.Default})",
        Recursive = true,
    };

    public static DaemonClient Connect(ParseResult parse) => new(DaemonAddress.Resolve(parse.GetValue(Host)));

    /// <summary>Escapes a container or image reference for a URL path.</summary>
    public static string Escape(string reference) => Uri.EscapeDataString(reference);
}
