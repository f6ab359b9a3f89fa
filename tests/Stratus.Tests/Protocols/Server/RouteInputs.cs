using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Tests.Protocols.Server;

/// <summary>Builds the smallest input a client can serialize for an operation: its required and URI-bound members, with placeholder values.</summary>
internal static class RouteInputs
{
    public static JsonObject Minimal(OperationModel operation)
    {
        var input = new JsonObject();
        if (operation.Input is not { } shape)
        {
            return input;
        }
        foreach (var (name, member) in shape.Members)
        {
            if (member.Location == "uri" || shape.Required.Contains(name))
            {
                input[name] = Placeholder(member, operation.RequestUri.Contains("{" + member.WireName + "+}", StringComparison.Ordinal));
            }
        }
        return input;
    }

    private static JsonNode Placeholder(Shape shape, bool greedy) => shape.Type switch
    {
        ShapeType.String => greedy ? "a1/b2" : shape.Enum is { Count: > 0 } values ? values[0] : "a1",
        ShapeType.Integer or ShapeType.Long => 7,
        ShapeType.Float or ShapeType.Double => 1.5,
        ShapeType.Boolean => true,
        ShapeType.Timestamp => NativeValues.Timestamp(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        ShapeType.Blob => NativeValues.Blob([1, 2, 3]),
        ShapeType.List => new JsonArray(),
        _ => new JsonObject(),
    };
}
