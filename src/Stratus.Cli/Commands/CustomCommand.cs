using System.CommandLine;

namespace Stratus.Cli.Commands;

/// <summary>A command that is not a service's operations: <c>mock</c>, <c>s3</c> (high-level S3) and <c>storage</c> (every provider's object storage).</summary>
/// <param name="Summary">One line for <c>stratus help</c>.</param>
/// <param name="Create">Builds the command; null while the command is reserved but not written yet.</param>
internal sealed record CustomCommand(string Summary, Func<Command>? Create)
{
    /// <summary>
    /// The custom commands by name. They take precedence over service names (so <c>s3</c> is not S3's operations:
    /// those are <c>s3api</c>, as in the AWS CLI). Register new ones here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, CustomCommand> All = new Dictionary<string, CustomCommand>(StringComparer.Ordinal)
    {
        ["mock"] = new("The Stratus mock cloud (stratus mock serve).", MockCommand.Create),
        // Run by S3.S3Commands (with the global options), not through Create.
        ["s3"] = new("High-level S3 commands: ls, cp, mv, rm, sync, mb, rb, presign (s3api has S3's operations).", null),
        // Run by Storage.StorageCommands (with the global options), not through Create.
        ["storage"] = new("Object storage on every provider (s3://, swift://, az://, local): ls, cp, rm, sync, url, mb, rb.", null),
    };
}
