using Stratus.Cli.S3;
using Stratus.Storage;

namespace Stratus.Cli.Storage;

/// <summary>The files under a local directory, or the objects under a provider's prefix, as <see cref="Entry"/> values.</summary>
internal static class Tree
{
    /// <summary>
    /// The entries under <paramref name="directory"/> that pass the filter, in ordinal order of relative path
    /// (keys ending in <c>/</c>, folder markers, aside).
    /// </summary>
    public static async Task<List<Entry>> ListAsync(StorageSession session, Location directory, bool isSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(directory);
        var entries = new List<Entry>();
        if (!directory.IsRemote)
        {
            entries.AddRange(Listing.Local(directory.Path));
        }
        else
        {
            var prefix = directory.AsDirectory().Path;
            var options = new ListOptions { Prefix = prefix.Length == 0 ? null : prefix };
            await foreach (var item in session.Store(directory, isSource).ListAsync(directory.Container, options, cancellationToken).ConfigureAwait(false))
            {
                if (item.Object is { } info && !item.Key.EndsWith('/'))
                {
                    entries.Add(new Entry(item.Key[prefix.Length..], info.Size, info.LastModified ?? DateTimeOffset.MinValue));
                }
            }
            entries.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        }
        return entries.Where(e => session.Filter.Includes(e.Relative)).ToList();
    }
}
