using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Storage.S3;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<StoreEntry> ListAsync(string container, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        options ??= new ListOptions();
        var input = new JsonObject { ["Bucket"] = container };
        if (!string.IsNullOrEmpty(options.Prefix))
        {
            input["Prefix"] = options.Prefix;
        }
        if (!string.IsNullOrEmpty(options.Delimiter))
        {
            input["Delimiter"] = options.Delimiter;
        }
        if (options.PageSize is { } size)
        {
            input["MaxKeys"] = size;
        }
        if (!string.IsNullOrEmpty(options.StartAfter))
        {
            input["StartAfter"] = options.StartAfter;
        }
        var entries = new List<StoreEntry>();
        while (true)
        {
            var page = await CallAsync("ListObjectsV2", input, container, null, cancellationToken).ConfigureAwait(false);
            entries.Clear();
            foreach (var item in page["Contents"]?.AsArray() ?? [])
            {
                if (item is JsonObject o && (string?)o["Key"] is { } key)
                {
                    entries.Add(new StoreEntry(key, new ObjectInfo
                    {
                        Container = container,
                        Key = key,
                        Size = NativeValues.TryGetInt64(o["Size"], out var length) ? length : 0,
                        ETag = Unquote((string?)o["ETag"]),
                        LastModified = NativeValues.TryGetTimestamp(o["LastModified"], out var modified) ? modified : null,
                    }));
                }
            }
            foreach (var item in page["CommonPrefixes"]?.AsArray() ?? [])
            {
                if ((string?)item?["Prefix"] is { } prefix)
                {
                    entries.Add(new StoreEntry(prefix, null));
                }
            }
            // S3 returns a page's keys and rolled-up prefixes in two lists; the contract wants one list in key order.
            entries.Sort(static (a, b) => KeyOrder.Instance.Compare(a.Key, b.Key));
            foreach (var entry in entries)
            {
                yield return entry;
            }
            var truncated = NativeValues.TryGetBoolean(page["IsTruncated"], out var more) && more;
            var token = (string?)page["NextContinuationToken"];
            if (!truncated || string.IsNullOrEmpty(token) || token == (string?)input["ContinuationToken"])
            {
                yield break;
            }
            input["ContinuationToken"] = token;
        }
    }
}
