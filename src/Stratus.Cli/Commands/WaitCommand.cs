using System.Text.Json.Nodes;
using Stratus.Cli.Help;
using Stratus.Client;
using Stratus.Models;

namespace Stratus.Cli.Commands;

/// <summary>
/// <c>stratus &lt;service&gt; wait &lt;waiter&gt; [options]</c>, as in the AWS CLI: the waiters of the service's
/// <c>waiters-2.json</c>, each taking the options of the operation it polls. The command line, help and input
/// are done here; the waiting itself is the library's, called from <see cref="WaitAsync"/>.
/// </summary>
internal static class WaitCommand
{
    /// <summary>Runs <c>wait</c>; <paramref name="waitIndex"/> is the position of the word <c>wait</c> in <paramref name="args"/>.</summary>
    public static async Task<int> RunAsync(CommandContext context, ServiceModel model, int waitIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        var waiters = ModelLoader.Default.LoadWaiters(model.Name);
        var names = ServiceHelp.WaiterNames(waiters);
        var rest = context.Args.Skip(waitIndex + 1).ToArray();
        var positions = ArgumentScanner.Positionals(rest, 1);
        if (positions.Count == 0 || rest[positions[0]] == "help")
        {
            if (positions.Count == 0 && !ArgumentScanner.WantsHelp(rest))
            {
                throw new UsageException($"the following arguments are required: waiter (stratus {context.Command} wait help lists them)");
            }
            ServiceHelp.WriteWaiters(context.Stdout, context.Command, waiters);
            return ExitCodes.Success;
        }
        var requested = rest[positions[0]];
        var waiter = names.FirstOrDefault(n => CliNames.Kebab(n) == requested)
            ?? throw new UsageException($"argument waiter: Invalid choice '{requested}'.{Suggestions.Hint(requested, names.Select(CliNames.Kebab))} (stratus {context.Command} wait help lists them)");
        var operationName = waiters!.Value.GetProperty("waiters").GetProperty(waiter).GetProperty("operation").GetString() ?? "";
        var operation = model.GetOperation(operationName);
        var command = OperationCommand.Create(operation, requested, paginator: null);
        if (ArgumentScanner.WantsHelp(rest))
        {
            context.Stdout.Write($"Waits until the {waiter} waiter's conditions hold, polling {CliNames.Kebab(operation.Name)} with these options.\n\n");
            OperationHelp.Write(context.Stdout, command, $"stratus {context.Command} wait {requested}");
            return ExitCodes.Success;
        }
        var wait = new System.CommandLine.Command("wait", "Wait for a condition.") { command.Command };
        var (parse, settings) = context.Parse(wait);
        var input = command.BuildInput(parse, settings.BinaryFormat);
        using var client = Aws.Connect(model.Name, settings.ToClientOptions(settings.Debug ? new Output.StderrLogger(context.Stderr, "stratus." + model.Name) : null));
        await WaitAsync(client, waiter, input, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Waits with the library's waiter (its delay and attempts from the model), as the AWS CLI does.</summary>
    private static async Task WaitAsync(ServiceClient client, string waiter, JsonObject input, CancellationToken cancellationToken) =>
        await client.WaitAsync(waiter, input, cancellationToken: cancellationToken).ConfigureAwait(false);
}
