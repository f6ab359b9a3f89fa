namespace Stratus.Tests.Endpoints;

/// <summary>Finds the shared conformance data: <c>../shared/conformance</c> beside the repository root (the folder with Stratus.slnx).</summary>
internal static class ConformanceData
{
    public static string? RepoRoot { get; } = FindRepoRoot();

    public static string? EndpointsDir { get; } =
        RepoRoot is { } root && Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "endpoints")) is var dir && Directory.Exists(dir) ? dir : null;

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stratus.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
