using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Cli.Commands;

/// <summary>
/// <c>--generate-cli-skeleton</c>: a placeholder value of a shape, as the AWS CLI makes it: "" (or the first enum
/// value) for text, 0 and 0.0 for numbers, true, 1970-01-01T00:00:00 for timestamps, one element per list,
/// <c>KeyName</c> per map, null for blobs and documents; a recursive structure is empty the second time round.
/// </summary>
internal static class Skeleton
{
    /// <summary>The skeleton of <paramref name="shape"/>, or an empty object when there is none.</summary>
    public static JsonNode? Generate(Shape? shape) => shape is null ? new JsonObject() : Generate(shape, []);

    private static JsonNode? Generate(Shape shape, List<string> stack)
    {
        stack.Add(shape.Name);
        try
        {
            switch (shape.Type)
            {
                case ShapeType.Structure:
                    var obj = new JsonObject();
                    if (stack.Count(n => n == shape.Name) > 1)
                    {
                        return obj;
                    }
                    foreach (var (name, member) in shape.Members)
                    {
                        obj[name] = Generate(member, stack);
                    }
                    return obj;
                case ShapeType.List:
                    return new JsonArray(Generate(shape.Member, stack));
                case ShapeType.Map:
                    return new JsonObject { ["KeyName"] = Generate(shape.Value, stack) };
                case ShapeType.String:
                    return shape.Enum is { Count: > 0 } values ? values[0] : "";
                case ShapeType.Integer or ShapeType.Long:
                    return 0L;
                case ShapeType.Float or ShapeType.Double:
                    return 0.0;
                case ShapeType.Boolean:
                    return true;
                case ShapeType.Timestamp:
                    return "1970-01-01T00:00:00";
                default:
                    return null;
            }
        }
        finally
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
