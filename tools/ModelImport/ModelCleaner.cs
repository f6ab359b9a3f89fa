using System.Text.Json.Nodes;

namespace Stratus.ModelImport;

/// <summary>
/// Removes documentation from a model document. Only trait keys are removed: objects whose keys
/// are arbitrary names (shapes, members, operations, context parameters, paginators, waiters,
/// rule-set parameters) keep all their entries, whatever they are called.
/// </summary>
internal static class ModelCleaner
{
    /// <summary>The trait keys removed.</summary>
    public static readonly string[] StrippedKeys = ["documentation", "documentationUrl", "examples"];

    /// <summary>Keys whose object value maps arbitrary names to definitions.</summary>
    public static readonly string[] NameMapKeys =
    [
        "shapes", "members", "operations",
        "clientContextParams", "staticContextParams", "operationContextParams",
        "pagination", "waiters", "parameters",
    ];

    /// <summary>Strips <paramref name="node"/> in place; returns the number of keys removed.</summary>
    public static int Strip(JsonNode? node) => Strip(node, isNameMap: false);

    private static int Strip(JsonNode? node, bool isNameMap)
    {
        var removed = 0;
        switch (node)
        {
            case JsonObject obj:
                if (!isNameMap)
                {
                    foreach (var key in StrippedKeys)
                    {
                        removed += obj.Remove(key) ? 1 : 0;
                    }
                }
                foreach (var (key, value) in obj)
                {
                    removed += Strip(value, !isNameMap && NameMapKeys.Contains(key));
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    removed += Strip(item, isNameMap: false);
                }
                break;
        }
        return removed;
    }

    /// <summary>
    /// Merges botocore's <c>*.sdk-extras.json</c> "merge" object into a model, as botocore's
    /// loader does (objects merge recursively, anything else is replaced).
    /// </summary>
    public static void MergeExtras(JsonObject target, JsonObject merge)
    {
        foreach (var (key, value) in merge.ToArray())
        {
            if (value is JsonObject source && target[key] is JsonObject existing)
            {
                MergeExtras(existing, source);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
