namespace Stratus.Cli.Commands;

/// <summary>
/// Finds the command words (service, operation) on a command line without building any command, skipping the
/// global options and their values wherever they are (<c>stratus --region eu-west-1 ec2 describe-regions</c>).
/// This is what lets only the one service and operation named be built.
/// </summary>
internal static class ArgumentScanner
{
    /// <summary>The indexes of the first <paramref name="max"/> positional words.</summary>
    public static List<int> Positionals(IReadOnlyList<string> args, int max)
    {
        ArgumentNullException.ThrowIfNull(args);
        var found = new List<int>();
        for (var i = 0; i < args.Count && found.Count < max; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                break;
            }
            if (a.StartsWith('-') && a.Length > 1)
            {
                if (!a.Contains('=', StringComparison.Ordinal) && GlobalOptions.WithValue.Contains(a))
                {
                    i++;
                }
                continue;
            }
            found.Add(i);
        }
        return found;
    }

    /// <summary>Whether the line asks for help: a last word <c>help</c>, or <c>-h</c> / <c>--help</c>.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return (args.Count > 0 && args[^1] == "help") || args.Any(a => a is "--help" or "-h");
    }
}
