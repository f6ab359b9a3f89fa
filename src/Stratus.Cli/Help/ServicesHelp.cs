using System.CommandLine;
using Stratus.AwsModels;
using Stratus.Cli.Commands;
using Stratus.Models;

namespace Stratus.Cli.Help;

/// <summary><c>stratus help</c>: the commands (every service, by its AWS CLI name) and the global options. Loads no model.</summary>
internal static class ServicesHelp
{
    /// <summary>Writes the help.</summary>
    public static void Write(TextWriter output, ModelLoader models)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(models);
        output.Write("usage: stratus [options] <command> <subcommand> [parameters]\n\n");
        output.Write("Every AWS service from its model, with the AWS CLI's names and habits.\n");
        output.Write("To see a service's operations: stratus <command> help\n");
        output.Write("To see an operation's parameters: stratus <command> <operation> help\n\n");
        var services = models.ServiceNames.Where(s => !CustomCommand.All.ContainsKey(CliNames.CommandForService(s)))
            .Select(s => (Command: CliNames.CommandForService(s), Id: AwsModelBundle.GetServiceInfo(s)?.ServiceId ?? ""))
            .OrderBy(s => s.Command, StringComparer.Ordinal)
            .ToList();
        output.Write($"Available services ({services.Count}):\n");
        var width = services.Max(s => s.Command.Length) + 2;
        foreach (var (command, id) in services)
        {
            output.Write($"  {command.PadRight(width)}{id}\n");
        }
        output.Write("\nOther commands:\n");
        foreach (var (name, custom) in CustomCommand.All.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            output.Write($"  {name.PadRight(width)}{custom.Summary}\n");
        }
        output.Write("  help".PadRight(width + 2) + "This help.\n");
        output.Write('\n');
        WriteGlobalOptions(output);
    }

    /// <summary>Writes the global options with their descriptions.</summary>
    public static void WriteGlobalOptions(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("Global options:\n");
        var globals = new GlobalOptions();
        var root = new RootCommand();
        globals.AddTo(root);
        foreach (var option in root.Options.Where(o => GlobalOptions.All.Contains(o.Name)))
        {
            var value = GlobalOptions.WithValue.Contains(option.Name) ? " <value>" : "";
            output.Write($"  {option.Name}{value}\n");
            output.Write(ShapeText.Wrap(option.Description ?? "", 6));
        }
    }
}
