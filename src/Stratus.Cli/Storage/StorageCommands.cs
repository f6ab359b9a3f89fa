using System.CommandLine;
using Stratus.Cli.Commands;
using Stratus.Cli.S3;

namespace Stratus.Cli.Storage;

/// <summary>
/// <c>stratus storage &lt;command&gt;</c>: the portable object-storage commands (ls, cp, rm, sync, url, mb, rb) over
/// every provider's store, with URLs that name the provider (<c>s3://</c>, <c>swift://</c>, <c>az://</c>) and local
/// paths. Only the named command is built, then parsed with the global options.
/// </summary>
internal static class StorageCommands
{
    private static readonly Dictionary<string, Func<VerbOptions, StorageVerb>> Verbs = new(StringComparer.Ordinal)
    {
        ["cp"] = CopyVerb.Create,
        ["ls"] = ListVerb.Create,
        ["mb"] = ContainerVerbs.MakeContainer,
        ["rb"] = ContainerVerbs.RemoveContainer,
        ["rm"] = RemoveVerb.Create,
        ["sync"] = SyncVerb.Create,
        ["url"] = UrlVerb.Create,
    };

    private const string About = """
        URLs name the provider: s3://bucket/key, swift://container/key, az://container/blob; local files are plain
        paths or file:///abs/path; cp also takes - (standard input or output). scheme:// alone names the containers.

        Credentials, as each provider's users expect:
          s3://     AWS profiles and environment (AWS_*), --profile, --region, --endpoint-url (S3-compatible servers)
          swift://  the swift client's environment: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, ... or ST_AUTH, ST_USER, ST_KEY
          az://     --connection-string, default AZURE_STORAGE_CONNECTION_STRING
          any       --setting NAME=VALUE passes a provider's own setting (for example auth-url for swift://)
        These apply to every URL on the line. For cp or sync between two accounts or endpoints of one provider, give
        the source's as --source-profile, --source-endpoint-url, --source-region, --source-connection-string,
        --source-setting: when any of them is given, the source uses only those. Options go after the command name.

        """;

    /// <summary>Runs <c>stratus storage ...</c>; errors are thrown for <see cref="ErrorReport"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var words = ArgumentScanner.Positionals(args, 2);
        if (words.Count < 2 || args[words[1]] == "help")
        {
            if (words.Count < 2 && !ArgumentScanner.WantsHelp(args))
            {
                throw new UsageException("the following arguments are required: command (stratus storage help lists them)");
            }
            WriteHelp(stdout);
            return ExitCodes.Success;
        }
        var name = args[words[1]];
        if (!Verbs.TryGetValue(name, out var create))
        {
            throw new UsageException($"argument command: Invalid choice '{name}'.{Suggestions.Hint(name, Verbs.Keys)} (stratus storage help lists them)");
        }
        var options = new VerbOptions();
        var stores = new StoreOptions();
        var verb = create(options);
        stores.AddTo(verb.Command, verb.TwoSides);
        if (ArgumentScanner.WantsHelp(args))
        {
            WriteHelp(stdout, verb.Command);
            return ExitCodes.Success;
        }
        var context = new CommandContext(args, "storage", stdout, stderr);
        var (parse, settings) = context.Parse(verb.Command);
        var quiet = parse.GetValue(options.Quiet) || parse.GetValue(options.OnlyShowErrors);
        var partSize = parse.GetValue(options.PartSize);
        var partConcurrency = parse.GetValue(options.PartConcurrency);
        if (partSize <= 0 || partConcurrency <= 0)
        {
            throw new UsageException("argument --part-size / --concurrency: expected a positive number");
        }
        // Progress bars would garble a copy to standard output, and mean nothing for ls, rm or url.
        var display = TransferDisplays.Create(quiet || !verb.ShowsProgress || args.Contains("-"));
        await using (display.ConfigureAwait(false))
        {
            using var session = new StorageSession(stores.Shared(parse, settings), verb.TwoSides ? stores.Source(parse) : null, stdout, stderr, display)
            {
                Filter = PathFilter.FromArgs(args),
                Quiet = quiet,
                DryRun = parse.GetValue(options.DryRun),
                PartSize = partSize * 1024L * 1024L,
                PartConcurrency = partConcurrency,
            };
            return await verb.Run(parse, session, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void WriteHelp(TextWriter stdout, Command? command = null)
    {
        if (command is null)
        {
            stdout.Write("usage: stratus storage <command> [options]\n\nPortable object storage, the same commands on every provider:\n\n");
            foreach (var (name, create) in Verbs)
            {
                stdout.Write($"  {name,-6} {create(new VerbOptions()).Command.Description}\n");
            }
            stdout.Write("\n" + About);
            return;
        }
        var arguments = string.Join(' ', command.Arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}]" : a.Name));
        stdout.Write($"usage: stratus storage {command.Name} {arguments} [options]\n\n{command.Description}\n\n");
        foreach (var argument in command.Arguments)
        {
            stdout.Write($"  {argument.Name,-28} {argument.Description}\n");
        }
        foreach (var option in command.Options)
        {
            stdout.Write($"  {option.Name,-28} {option.Description}\n");
        }
        stdout.Write("\n" + About);
    }
}
