using System.Text.Json;
using Stratus.AwsModels;
using Stratus.Cli.Commands;
using Stratus.Models;

namespace Stratus.Cli.Help;

/// <summary><c>stratus &lt;service&gt; help</c>: the service's operations and waiters, from its model.</summary>
internal static class ServiceHelp
{
    /// <summary>Writes the help of a service named <paramref name="command"/> on the command line.</summary>
    public static void Write(TextWriter output, ServiceModel model, string command, JsonElement? waiters)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(model);
        output.Write($"usage: stratus {command} <operation> [parameters]\n\n");
        var meta = model.Metadata;
        output.Write($"{meta.ServiceFullName}\n");
        output.Write($"  model {model.Name}, API version {meta.ApiVersion}, protocol {meta.Protocol}, bundle {AwsModelBundle.Version}\n\n");
        var operations = model.OperationNames.Select(CliNames.Kebab).Order(StringComparer.Ordinal).ToList();
        output.Write($"Available operations ({operations.Count}):\n");
        foreach (var operation in operations)
        {
            output.Write($"  {operation}\n");
        }
        var names = WaiterNames(waiters);
        if (names.Count > 0)
        {
            output.Write($"  wait  (waiters: stratus {command} wait help)\n");
        }
        output.Write($"\nTo see an operation's parameters: stratus {command} <operation> help\n");
    }

    /// <summary>Writes <c>stratus &lt;service&gt; wait help</c>: the waiters and the operation each one polls.</summary>
    public static void WriteWaiters(TextWriter output, string command, JsonElement? waiters)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write($"usage: stratus {command} wait <waiter> [parameters]\n\n");
        var names = WaiterNames(waiters);
        if (names.Count == 0)
        {
            output.Write($"{command} has no waiters.\n");
            return;
        }
        output.Write($"Available waiters ({names.Count}):\n");
        var width = names.Max(n => CliNames.Kebab(n).Length) + 2;
        foreach (var name in names.OrderBy(CliNames.Kebab, StringComparer.Ordinal))
        {
            var waiter = waiters!.Value.GetProperty("waiters").GetProperty(name);
            var polls = waiter.TryGetProperty("operation", out var op) ? op.GetString() : "?";
            output.Write($"  {CliNames.Kebab(name).PadRight(width)}polls {CliNames.Kebab(polls ?? "?")}\n");
        }
    }

    /// <summary>The waiter names of a <c>waiters-2.json</c> document.</summary>
    public static IReadOnlyList<string> WaiterNames(JsonElement? waiters) =>
        waiters is { ValueKind: JsonValueKind.Object } w && w.TryGetProperty("waiters", out var all) && all.ValueKind == JsonValueKind.Object
            ? all.EnumerateObject().Select(p => p.Name).ToList()
            : [];
}
