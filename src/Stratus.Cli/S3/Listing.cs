using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Protocols;

namespace Stratus.Cli.S3;

/// <summary>The files under a local directory and the objects under an S3 prefix, as <see cref="Entry"/> values.</summary>
internal static class Listing
{
    /// <summary>Every file under <paramref name="directory"/>, recursively, in ordinal order of relative path.</summary>
    public static IEnumerable<Entry> Local(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var root = Path.GetFullPath(directory);
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new FileInfo(f))
            .Select(f => new Entry(Path.GetRelativePath(root, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), f.Length, f.LastWriteTimeUtc))
            .OrderBy(e => e.Relative, StringComparer.Ordinal);
    }

    /// <summary>Every object under <paramref name="prefix"/> (keys ending in <c>/</c> aside), relative to the prefix.</summary>
    public static async IAsyncEnumerable<Entry> ObjectsAsync(ServiceClient s3, string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in s3.PaginateAsync("ListObjectsV2", PrefixInput(new Place(bucket, prefix)), cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in Contents(page))
            {
                var key = Text(item["Key"]);
                if (!key.EndsWith('/'))
                {
                    yield return new Entry(key[prefix.Length..], Long(item["Size"]), Time(item["LastModified"]));
                }
            }
        }
    }

    /// <summary>The input of ListObjectsV2 for the objects under a prefix.</summary>
    public static JsonObject PrefixInput(Place prefix)
    {
        var input = new JsonObject { ["Bucket"] = prefix.Bucket };
        if (prefix.Path.Length > 0)
        {
            input["Prefix"] = prefix.Path;
        }
        return input;
    }

    /// <summary>The <c>Contents</c> of a listing page.</summary>
    public static IEnumerable<JsonObject> Contents(JsonObject page) => Items(page, "Contents");

    /// <summary>The items of a list member of a page (none when absent).</summary>
    public static IEnumerable<JsonObject> Items(JsonObject page, string member) =>
        page[member] is JsonArray array ? array.OfType<JsonObject>() : [];

    public static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    public static long Long(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : node is JsonValue i && i.TryGetValue<int>(out var n) ? n
        : long.Parse(node?.ToString() ?? "0", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(JsonNode? node) => NativeValues.TryGetTimestamp(node, out var t) ? t : DateTimeOffset.MinValue;
}
