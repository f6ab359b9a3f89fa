using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Cli.Paging;

/// <summary>Reads and writes a paginator's result and token paths (<c>Contents</c>, <c>DistributionList.Items</c>).</summary>
internal static class ResultPath
{
    /// <summary>The value at <paramref name="path"/>, or null.</summary>
    public static JsonNode? Get(JsonNode? root, string path)
    {
        if (!IsDotted(path))
        {
            return PathExpression.Evaluate(root, path);
        }
        foreach (var part in path.Split('.'))
        {
            root = root is JsonObject o ? o[part] : null;
        }
        return root;
    }

    /// <summary>Sets the value at a dotted path, creating the objects on the way (as botocore's <c>set_value_from_jmespath</c>).</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = IsDotted(path) ? path.Split('.') : [path];
        var current = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (current[parts[i]] is not JsonObject next)
            {
                next = new JsonObject();
                current[parts[i]] = next;
            }
            current = next;
        }
        current[parts[^1]] = value;
    }

    private static bool IsDotted(string path) => path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '$' or '@' or ':');
}
