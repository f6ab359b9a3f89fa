namespace Stratus.Testing.Services.S3;

/// <summary>
/// One page of a listing walked in key order: the entries under a prefix, keys with the delimiter after the prefix
/// rolled up into common prefixes (each counted once against the page size), starting after a marker.
/// </summary>
internal sealed class S3ListWalk<T>
{
    private S3ListWalk()
    {
    }

    public List<T> Items { get; } = [];

    public List<string> CommonPrefixes { get; } = [];

    public bool IsTruncated { get; private set; }

    /// <summary>The last entry returned (a key or a common prefix): where the next page starts after.</summary>
    public string? Last { get; private set; }

    /// <summary>Whether <see cref="Last"/> is a common prefix.</summary>
    public bool LastIsPrefix { get; private set; }

    /// <summary>
    /// Walks <paramref name="count"/> entries sorted by key from position <paramref name="start"/>. A common
    /// prefix at or before <paramref name="after"/> was returned by an earlier page, so its keys are skipped.
    /// </summary>
    public static S3ListWalk<T> Walk(int count, Func<int, T> at, Func<T, string> keyOf, int start, string prefix, string? delimiter, int max, string? after)
    {
        var page = new S3ListWalk<T>();
        for (var i = start; i < count; i++)
        {
            var item = at(i);
            var key = keyOf(item);
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (S3KeyComparer.Instance.Compare(key, prefix) > 0)
                {
                    break;
                }
                continue;
            }
            var d = string.IsNullOrEmpty(delimiter) ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            if (d >= 0)
            {
                var common = key[..(d + delimiter!.Length)];
                if ((page.LastIsPrefix && common == page.Last) || (after is not null && S3KeyComparer.Instance.Compare(common, after) <= 0))
                {
                    continue;
                }
                if (!page.Room(max))
                {
                    break;
                }
                page.CommonPrefixes.Add(common);
                page.Last = common;
                page.LastIsPrefix = true;
                continue;
            }
            if (!page.Room(max))
            {
                break;
            }
            page.Items.Add(item);
            page.Last = key;
            page.LastIsPrefix = false;
        }
        return page;
    }

    private bool Room(int max)
    {
        if (Items.Count + CommonPrefixes.Count < max)
        {
            return true;
        }
        IsTruncated = true;
        return false;
    }
}
