namespace Stratus.Models;

/// <summary>
/// A service found in a user directory in botocore's layout,
/// <c>&lt;dir&gt;/&lt;service&gt;/&lt;api-version&gt;/service-2.json</c>: the newest api version wins.
/// </summary>
internal sealed record DirectoryService(string Name, string ApiVersion, string Folder);

/// <summary>Scans user model directories (in order: the first one holding a service wins).</summary>
internal static class ModelDirectory
{
    public static Dictionary<string, DirectoryService> Scan(IEnumerable<string> directories)
    {
        var found = new Dictionary<string, DirectoryService>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (var serviceFolder in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(serviceFolder);
                if (found.ContainsKey(name))
                {
                    continue;
                }
                var newest = Directory.EnumerateDirectories(serviceFolder)
                    .Where(v => ModelFiles.Find(Path.Combine(v, "service-2")) is not null)
                    .Select(v => Path.GetFileName(v))
                    .Order(StringComparer.Ordinal)
                    .LastOrDefault();
                if (newest is not null)
                {
                    found.Add(name, new DirectoryService(name, newest, Path.Combine(serviceFolder, newest)));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// Every api-version folder of <paramref name="service"/> holding a <c>service-2</c> model, in
    /// directory order, newest first within a directory (for protocol variants: any of them may be one).
    /// </summary>
    public static DirectoryService[] Folders(IEnumerable<string> directories, string service)
    {
        var found = new List<DirectoryService>();
        foreach (var directory in directories)
        {
            var serviceFolder = Path.Combine(directory, service);
            if (!Directory.Exists(serviceFolder))
            {
                continue;
            }
            found.AddRange(Directory.EnumerateDirectories(serviceFolder)
                .Where(v => ModelFiles.Find(Path.Combine(v, "service-2")) is not null)
                .Select(v => Path.GetFileName(v))
                .OrderDescending(StringComparer.Ordinal)
                .Select(version => new DirectoryService(service, version, Path.Combine(serviceFolder, version))));
        }
        return [.. found];
    }
}
