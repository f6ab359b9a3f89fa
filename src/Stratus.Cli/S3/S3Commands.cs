using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.Output;
using Stratus.Client;

namespace Stratus.Cli.S3;

/// <summary>
/// <c>stratus s3 &lt;command&gt;</c>: the AWS CLI's high-level S3 commands (ls, cp, mv, rm, sync, mb, rb, presign)
/// with <c>s3://bucket/key</c> URLs. Only the named command is built, then parsed with the global options.
/// </summary>
internal static class S3Commands
{
    private static readonly Dictionary<string, Func<S3Verb>> Verbs = new(StringComparer.Ordinal)
    {
        ["cp"] = () => CopyCommand.Create(move: false),
        ["ls"] = LsCommand.Create,
        ["mb"] = BucketCommands.MakeBucket,
        ["mv"] = () => CopyCommand.Create(move: true),
        ["presign"] = BucketCommands.Presign,
        ["rb"] = BucketCommands.RemoveBucket,
        ["rm"] = BucketCommands.Remove,
        ["sync"] = SyncCommand.Create,
    };

    /// <summary>Runs <c>stratus s3 ...</c>; errors are thrown for <see cref="ErrorReport"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var words = ArgumentScanner.Positionals(args, 2);
        if (words.Count < 2 || args[words[1]] == "help")
        {
            if (words.Count < 2 && !ArgumentScanner.WantsHelp(args))
            {
                throw new UsageException("the following arguments are required: command (stratus s3 help lists them)");
            }
            WriteHelp(stdout);
            return ExitCodes.Success;
        }
        var name = args[words[1]];
        if (!Verbs.TryGetValue(name, out var create))
        {
            throw new UsageException($"argument command: Invalid choice '{name}'.{Suggestions.Hint(name, Verbs.Keys)} (stratus s3 help lists them)");
        }
        var verb = create();
        if (ArgumentScanner.WantsHelp(args))
        {
            WriteHelp(stdout, verb.Command);
            return ExitCodes.Success;
        }
        var context = new CommandContext(args, "s3", stdout, stderr);
        var (parse, settings) = context.Parse(verb.Command);
        var quiet = parse.GetResult(verb.Command)?.Children.OfType<System.CommandLine.Parsing.OptionResult>()
            .Any(o => o.Option.Name is "--quiet" or "--only-show-errors" && o.GetValueOrDefault<bool>()) ?? false;
        var dryRun = verb.Command.Options.FirstOrDefault(o => o.Name == "--dryrun") is Option<bool> d && parse.GetValue(d);
        var client = Aws.Connect("s3", settings.ToClientOptions(settings.Debug ? new StderrLogger(stderr, "stratus.s3") : null));
        var display = TransferDisplays.Create(quiet || name is not ("cp" or "mv" or "sync"));
        await using (display.ConfigureAwait(false))
        {
            using var session = new S3Session(client, stdout, stderr, display)
            {
                Region = settings.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"),
                Filter = PathFilter.FromArgs(args),
                Quiet = quiet,
                DryRun = dryRun,
            };
            return await verb.Run(parse, session, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteHelp(TextWriter stdout, Command? command = null)
    {
        if (command is null)
        {
            stdout.Write("usage: stratus s3 <command> [options]\n\nHigh-level S3 commands, with s3://bucket/key URLs (s3api has S3's operations):\n\n");
            foreach (var (name, create) in Verbs)
            {
                stdout.Write($"  {name,-8} {create().Command.Description}\n");
            }
            return;
        }
        var arguments = string.Join(' ', command.Arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}]" : a.Name));
        stdout.Write($"usage: stratus s3 {command.Name} {arguments} [options]\n\n{command.Description}\n\n");
        foreach (var argument in command.Arguments)
        {
            stdout.Write($"  {argument.Name,-20} {argument.Description}\n");
        }
        foreach (var option in command.Options)
        {
            stdout.Write($"  {option.Name,-20} {option.Description}\n");
        }
    }
}
