using System.CommandLine;

namespace ActorPod.Cli.Commands;

/// <summary>
/// The <c>CONTAINER</c> arguments of the commands. A token that looks like a flag is refused rather than taken for a
/// container name: <c>rm -t 0 web</c> with an unknown <c>-t</c> must not go looking for a container called
/// <c>-t</c> (and remove whatever the id prefix <c>0</c> matches). Container names never start with a dash.
/// </summary>
public static class ContainerArgument
{
    /// <summary>One or more container references.</summary>
    public static Argument<string[]> Many()
    {
        var argument = new Argument<string[]>("CONTAINER") { Arity = ArgumentArity.OneOrMore };
        argument.Validators.Add(RejectFlags);
        return argument;
    }

    /// <summary>Exactly one container reference.</summary>
    public static Argument<string> One()
    {
        var argument = new Argument<string>("CONTAINER");
        argument.Validators.Add(RejectFlags);
        return argument;
    }

    static void RejectFlags(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith('-')) is { } flag)
        {
            result.AddError($"unknown flag: {flag.Value.Split('=', 2)[0]}");
        }
    }
}
