using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;

namespace Stratus.OpenStack.Swift;

/// <summary>Swift's bulk delete (<c>POST ?bulk-delete</c>): many objects per request, their paths one per line; the report read as JSON.</summary>
internal static class SwiftBulkDelete
{
    // Swift's default max_deletes_per_request.
    internal const int MaxPerRequest = 10_000;

    public static async Task<SwiftBulkDeleteResult> DeleteAsync(ServiceClient client, IEnumerable<(string Container, string Key)> objects, CancellationToken ct)
    {
        int deleted = 0, notFound = 0;
        var errors = new List<KeyValuePair<string, string>>();
        foreach (var batch in objects.Chunk(MaxPerRequest))
        {
            var paths = new StringBuilder();
            foreach (var (container, key) in batch)
            {
                paths.Append(SwiftPaths.Object(container, key)).Append('\n');
            }
            var output = await client.CallAsync("BulkDelete", new JsonObject { ["Paths"] = paths.ToString(), ["Accept"] = "application/json" }, ct).ConfigureAwait(false);
            var report = NativeValues.TryGetString(output["Body"], out var text) ? text : "{}";
            using var document = JsonDocument.Parse(report);
            var root = document.RootElement;
            deleted += Number(root, "Number Deleted");
            notFound += Number(root, "Number Not Found");
            if (root.TryGetProperty("Errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() >= 2)
                    {
                        errors.Add(new(item[0].GetString() ?? "", item[1].GetString() ?? ""));
                    }
                }
            }
            // A request-level failure (for example 401 inside a 200) with no per-path errors.
            if (root.TryGetProperty("Response Status", out var status) && status.GetString() is { } s
                && !s.StartsWith('2') && errors.Count == 0)
            {
                errors.Add(new("", s));
            }
        }
        return new SwiftBulkDeleteResult(deleted, notFound, errors);
    }

    private static int Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
}
