namespace Stratus.Bench.Harness;

/// <summary>
/// A published start-up app, from the manifest run.sh writes: one line per app,
/// <c>client|mode|command|size path</c> (mode is JIT or AOT; the size path is the published folder or the native file).
/// A failed publish is a line <c>client|mode|!|reason</c>.
/// </summary>
public sealed record StartupApp(string Client, string Mode, string Command, string SizePath, string? Failure)
{
    public static List<StartupApp> ReadManifest(string path) =>
        File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('|', 4))
            .Select(p => p[2] == "!" ? new StartupApp(p[0], p[1], "", "", p[3]) : new StartupApp(p[0], p[1], p[2], p[3], null))
            .ToList();

    /// <summary>The published size: a folder's files (symbols excluded), or one file.</summary>
    public long SizeBytes()
    {
        if (File.Exists(SizePath))
        {
            return new FileInfo(SizePath).Length;
        }
        return Directory.EnumerateFiles(SizePath, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal) && !f.EndsWith(".dbg", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);
    }
}
