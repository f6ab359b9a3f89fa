using System.Runtime.CompilerServices;

namespace Stratus.Storage.FileSystem;

public sealed partial class FileSystemObjectStore
{
    /// <inheritdoc />
    /// <remarks>The keys under the prefix's folder are gathered and sorted before the first is returned: memory grows with their number.</remarks>
    public override async IAsyncEnumerable<StoreEntry> ListAsync(string container, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        FileKeys.CheckContainer(container);
        RequireContainer(container);
        options ??= new ListOptions();
        var prefix = options.Prefix ?? "";
        // Only the folder named by the prefix's complete segments can hold matching keys.
        var start = ContainerPath(container);
        var startKey = "";
        if (prefix.LastIndexOf('/') is var slash and >= 0)
        {
            var segments = FileKeys.Segments(prefix[..(slash + 1)] + "x");
            foreach (var segment in segments[..^1])
            {
                start = Path.Combine(start, FileKeys.Encode(segment));
            }
            startKey = prefix[..(slash + 1)];
        }
        var keys = new List<(string Key, FileInfo File)>();
        if (Directory.Exists(start))
        {
            Walk(new DirectoryInfo(start), startKey, prefix, keys, cancellationToken);
        }
        keys.Sort(static (a, b) => KeyOrder.Instance.Compare(a.Key, b.Key));
        string? lastPrefix = null;
        foreach (var (key, file) in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (options.StartAfter is { } after && KeyOrder.Instance.Compare(key, after) <= 0)
            {
                continue;
            }
            if (!string.IsNullOrEmpty(options.Delimiter) && key.IndexOf(options.Delimiter, prefix.Length, StringComparison.Ordinal) is var at and >= 0)
            {
                var rolled = key[..(at + options.Delimiter.Length)];
                if (rolled != lastPrefix)
                {
                    lastPrefix = rolled;
                    yield return new StoreEntry(rolled, null);
                }
                continue;
            }
            var location = Locate(container, key);
            FileSidecar sidecar;
            try
            {
                sidecar = FileSidecar.Read(location.SidecarPath);
            }
            catch (IOException)
            {
                sidecar = FileSidecar.Empty;
            }
            yield return new StoreEntry(key, Info(location, file, sidecar) with { Metadata = ObjectInfo.EmptyMetadata });
        }
    }

    private static void Walk(DirectoryInfo folder, string keyPrefix, string prefix, List<(string, FileInfo)> keys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = folder.EnumerateFileSystemInfos().ToList();
        }
        catch (DirectoryNotFoundException)
        {
            // Pruned by a delete meanwhile.
            return;
        }
        foreach (var entry in entries)
        {
            var name = entry.Name;
            if (name.StartsWith(FileKeys.TempPrefix, StringComparison.Ordinal) || name.EndsWith(FileKeys.SidecarSuffix, StringComparison.Ordinal))
            {
                continue;
            }
            var shadowed = name.EndsWith(FileKeys.ShadowedSuffix, StringComparison.Ordinal);
            if (FileKeys.Decode(shadowed ? name[..^FileKeys.ShadowedSuffix.Length] : name) is not { } segment)
            {
                continue;
            }
            var key = keyPrefix + segment;
            if (entry is DirectoryInfo dir)
            {
                var below = key + "/";
                // Descend only where keys can still match the prefix.
                if (below.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(below, StringComparison.Ordinal))
                {
                    Walk(dir, below, prefix, keys, cancellationToken);
                }
            }
            else if (entry is FileInfo file && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                keys.Add((key, file));
            }
        }
    }
}
