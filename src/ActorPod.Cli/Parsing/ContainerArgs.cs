using System.CommandLine;

namespace ActorPod.Cli.Parsing;

/// <summary>
/// Makes <c>actorpod run [OPTIONS] IMAGE [COMMAND [ARG...]]</c> parse as podman does: everything after the image
/// belongs to the container, so a <c>--</c> is inserted right after the image before System.CommandLine sees it.
/// </summary>
public static class ContainerArgs
{
    /// <summary>Rewrites <paramref name="args"/> when its verb is one of <paramref name="verbs"/>.</summary>
    public static string[] Rewrite(string[] args, RootCommand root, params string[] verbs)
    {
        var verbAt = FindVerb(args, root);
        if (verbAt < 0 || !verbs.Contains(args[verbAt]))
        {
            return args;
        }

        var command = root.Subcommands.First(c => c.Name == args[verbAt]);
        var valued = ValuedAliases(command.Options.Concat(root.Options));
        for (var i = verbAt + 1; i < args.Length; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                return args;
            }

            if (token.StartsWith('-') && token.Length > 1)
            {
                if (valued.Contains(token))
                {
                    i++;
                }

                continue;
            }

            return [.. args[..(i + 1)], "--", .. args[(i + 1)..]];
        }

        return args;
    }

    // The verb is the first token that is not a global option or its value.
    static int FindVerb(string[] args, RootCommand root)
    {
        var valued = ValuedAliases(root.Options);
        for (var i = 0; i < args.Length; i++)
        {
            if (valued.Contains(args[i]))
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith('-'))
            {
                return i;
            }
        }

        return -1;
    }

    static HashSet<string> ValuedAliases(IEnumerable<Option> options) =>
        options.Where(o => o.ValueType != typeof(bool))
            .SelectMany(o => o.Aliases.Append(o.Name))
            .ToHashSet();
}
