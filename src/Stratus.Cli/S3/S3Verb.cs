using System.CommandLine;

namespace Stratus.Cli.S3;

/// <summary>One <c>stratus s3</c> command: its command-line shape and what it does.</summary>
internal sealed record S3Verb(Command Command, Func<ParseResult, S3Session, CancellationToken, Task<int>> Run);

/// <summary>Options several <c>s3</c> commands share, as the AWS CLI names them.</summary>
internal static class S3Options
{
    public static Option<bool> Recursive() => new("--recursive", "-r") { Description = "Apply to every file or object under the directory or prefix." };

    public static Option<bool> DryRun() => new("--dryrun") { Description = "Show what would be done, without doing it." };

    public static Option<bool> Quiet() => new("--quiet") { Description = "Print nothing but errors." };

    public static Option<bool> OnlyShowErrors() => new("--only-show-errors") { Description = "Print nothing but errors." };

    /// <summary>--exclude and --include (their order is read from the command line by <see cref="PathFilter"/>).</summary>
    public static Option[] Filters() =>
    [
        new Option<string[]>("--exclude") { Description = "Exclude files or objects matching this pattern (*, ?, [seq]); repeatable." },
        new Option<string[]>("--include") { Description = "Include files or objects matching this pattern, even if excluded before; repeatable." },
    ];

    /// <summary>Adds the common options to <paramref name="command"/>.</summary>
    public static Command With(this Command command, params Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
        return command;
    }
}
