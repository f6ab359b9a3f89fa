using System.CommandLine;
using System.Reflection;
using Stratus.Cli.Commands;
using Stratus.Cli.Help;
using Stratus.Client;
using Stratus.Models;

namespace Stratus.Cli;

/// <summary>
/// The <c>stratus</c> command line. Every AWS operation is a command built at run time from its model, lazily:
/// the first two words are found without parsing (<see cref="ArgumentScanner"/>), then only that service's
/// model is loaded and only that operation's command is built, so start-up does not grow with the 400-odd
/// services and their thousands of operations.
/// </summary>
internal static class StratusCli
{
    /// <summary>Runs one command line and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        OperationCommand? current = null;
        var debug = args.Contains("--debug");
        try
        {
            var words = ArgumentScanner.Positionals(args, 2);
            if (words.Count == 0)
            {
                return Top(args, stdout);
            }
            var first = args[words[0]];
            if (first == "help")
            {
                ServicesHelp.Write(stdout, ModelLoader.Default);
                return ExitCodes.Success;
            }
            if (first == "s3")
            {
                return await S3.S3Commands.RunAsync(args, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            if (first == "storage")
            {
                return await Storage.StorageCommands.RunAsync(args, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            if (CustomCommand.All.TryGetValue(first, out var custom))
            {
                return await RunCustomAsync(first, custom, args, cancellationToken).ConfigureAwait(false);
            }
            var context = new CommandContext(args, first, stdout, stderr);
            var model = LoadService(first);
            if (words.Count < 2 || args[words[1]] == "help")
            {
                if (words.Count < 2 && !ArgumentScanner.WantsHelp(args))
                {
                    throw new UsageException($"the following arguments are required: operation (stratus {first} help lists them)");
                }
                ServiceHelp.Write(stdout, model, first, ModelLoader.Default.LoadWaiters(model.Name));
                return ExitCodes.Success;
            }
            var word = args[words[1]];
            if (word == "wait")
            {
                return await WaitCommand.RunAsync(context, model, words[1], cancellationToken).ConfigureAwait(false);
            }
            var operation = FindOperation(model, first, word);
            var paginator = Paginator.From(ModelLoader.Default.LoadPaginators(model.Name), operation.Name);
            current = OperationCommand.Create(operation, word, paginator);
            if (ArgumentScanner.WantsHelp(args))
            {
                OperationHelp.Write(stdout, current, $"stratus {first} {word}");
                return ExitCodes.Success;
            }
            var (parse, settings) = context.Parse(current.Command);
            debug = settings.Debug;
            return await new OperationRunner(stdout, stderr).RunAsync(parse, settings, current, model.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ErrorReport.Handle(e, stderr, debug, current);
        }
        finally
        {
            await FlushAsync(stdout).ConfigureAwait(false);
        }
    }

    /// <summary>Flushes output; a reader that went away (<c>stratus ... | head</c>) is not an error, as in the AWS CLI.</summary>
    internal static async Task FlushAsync(TextWriter output)
    {
        try
        {
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The package version (from git tags, e.g. 0.1.0-alpha.0.42): the informational version without its
    /// "+commit" suffix. The assembly version alone would say 0.0.0.0 for every prerelease.</summary>
    private static string ToolVersion()
    {
        var assembly = typeof(StratusCli).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString() ?? "unknown";
        }
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static int Top(string[] args, TextWriter stdout)
    {
        if (args.Contains("--version"))
        {
            stdout.Write($"stratus/{ToolVersion()} .NET/{Environment.Version} models/{Stratus.AwsModels.AwsModelBundle.Version}\n");
            return ExitCodes.Success;
        }
        if (ArgumentScanner.WantsHelp(args))
        {
            ServicesHelp.Write(stdout, ModelLoader.Default);
            return ExitCodes.Success;
        }
        throw new UsageException("the following arguments are required: command (stratus help lists them)");
    }

    private static async Task<int> RunCustomAsync(string name, CustomCommand custom, string[] args, CancellationToken cancellationToken)
    {
        if (custom.Create is null)
        {
            throw new UsageException($"{name}: {custom.Summary}");
        }
        var root = new RootCommand("stratus") { custom.Create() };
        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ServiceModel LoadService(string command)
    {
        var service = CliNames.ServiceForCommand(command);
        var loader = ModelLoader.Default;
        if (CliNames.IsRenamedModel(command) || !loader.Contains(service))
        {
            var commands = loader.ServiceNames.Select(CliNames.CommandForService).Where(c => !CustomCommand.All.ContainsKey(c));
            throw new UsageException($"argument command: Invalid choice '{command}'.{Suggestions.Hint(command, commands)} (stratus help lists the services)");
        }
        return loader.LoadService(service);
    }

    private static OperationModel FindOperation(ServiceModel model, string command, string word)
    {
        var name = model.OperationNames.FirstOrDefault(o => CliNames.Kebab(o) == word);
        if (name is not null)
        {
            return model.GetOperation(name);
        }
        if (model.TryGetOperation(word, out var folded))
        {
            return folded;
        }
        throw new UsageException($"argument operation: Invalid choice '{word}'.{Suggestions.Hint(word, model.OperationNames.Select(CliNames.Kebab))} (stratus {command} help lists them)");
    }
}
