using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Client;

/// <summary>
/// Checks an operation's input against its model before anything is sent: unknown members, missing
/// required members, wrong types, and the modeled length, range, enum and pattern constraints.
/// </summary>
public static class InputValidator
{
    /// <summary>Validates and throws a <see cref="ClientException"/> listing every problem, naming the service, operation and member path.</summary>
    public static void Validate(OperationModel operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var problems = Check(operation, input);
        if (problems.Count > 0)
        {
            throw new ClientException(
                ClientErrorKind.InvalidInput,
                $"{operation.Service.Name}.{operation.Name}: invalid input: {string.Join("; ", problems)}")
            {
                Service = operation.Service.Name,
                Operation = operation.Name,
                Problems = problems,
            };
        }
    }

    /// <summary>Returns every problem found, as "member path: problem".</summary>
    public static List<string> Check(OperationModel operation, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        if (operation.Input is { } shape)
        {
            return ShapeValidator.Check(shape, input);
        }
        return input.Count > 0 ? [$"{string.Join(", ", input.Select(p => p.Key))}: the operation takes no input"] : [];
    }
}
