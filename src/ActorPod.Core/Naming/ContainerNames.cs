using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ActorPod.Core.Naming;

/// <summary>Container names: validated as Docker does, generated as adjective_noun when none is given.</summary>
public static partial class ContainerNames
{
    static readonly string[] Adjectives =
    [
        "brave", "calm", "eager", "fond", "gentle", "happy", "jolly", "keen", "lucid", "merry", "nifty", "quiet",
        "sharp", "swift", "tender", "vivid", "witty", "zealous", "bold", "clever",
    ];

    static readonly string[] Nouns =
    [
        "hewitt", "lovelace", "hopper", "turing", "ritchie", "thompson", "kay", "liskov", "knuth", "dijkstra",
        "hamilton", "goldberg", "lamport", "milner", "hoare", "backus", "wirth", "allen", "perlman", "torvalds",
    ];

    [GeneratedRegex(@"^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+\z")]
    private static partial Regex ValidName();

    /// <summary>True for names Docker accepts: <c>/?[a-zA-Z0-9][a-zA-Z0-9_.-]+</c>, at most 253 characters.</summary>
    public static bool IsValid(string name) => name.Length <= 253 && ValidName().IsMatch(name);

    /// <summary>Drops the leading slash Docker clients sometimes send.</summary>
    public static string Normalize(string name) => name.StartsWith('/') ? name[1..] : name;

    public static string Generate() =>
        $"{Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)]}_" +
        $"{Nouns[RandomNumberGenerator.GetInt32(Nouns.Length)]}";
}
