using System.CommandLine;
using Stratus.Cli.S3;

namespace Stratus.Cli.Storage;

/// <summary>One <c>stratus storage</c> command: its command-line shape and what it does.</summary>
/// <param name="Command">The command (the store options are added by <see cref="StorageCommands"/>).</param>
/// <param name="Run">What it does.</param>
/// <param name="TwoSides">Whether it has a source and a destination (and so takes the <c>--source-…</c> options).</param>
/// <param name="ShowsProgress">Whether it moves data (progress bars on a terminal).</param>
internal sealed record StorageVerb(Command Command, Func<ParseResult, StorageSession, CancellationToken, Task<int>> Run, bool TwoSides = false, bool ShowsProgress = false);

/// <summary>The options several <c>storage</c> commands take (one instance per run: values are read through these).</summary>
internal sealed class VerbOptions
{
    public Option<bool> Recursive { get; } = S3Options.Recursive();

    public Option<bool> DryRun { get; } = S3Options.DryRun();

    public Option<bool> Quiet { get; } = S3Options.Quiet();

    public Option<bool> OnlyShowErrors { get; } = S3Options.OnlyShowErrors();

    public Option<int?> PartSize { get; } = new("--part-size") { Description = "MiB per part of a large upload. Default: the destination store's (8 MiB for S3 and Azure, 64 MiB for Swift)." };

    public Option<int?> PartConcurrency { get; } = new("--concurrency") { Description = "Parts of one upload in flight at once. Default: 4." };

    /// <summary>The options of commands that move or delete many things: --dryrun, --quiet, --only-show-errors, --exclude, --include.</summary>
    public Option[] Bulk() => [DryRun, Quiet, OnlyShowErrors, .. S3Options.Filters()];
}
