namespace Stratus.Tests.TestSupport;

/// <summary>
/// Finds the shared conformance data in place (<c>../shared/conformance</c> beside the repository root,
/// the folder holding Stratus.slnx). The data is never copied into the repository.
/// </summary>
public static class ConformancePaths
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The repository root, or null when it cannot be found.</summary>
    public static string? RepoRoot => Root.Value;

    /// <summary>The full path of a folder under <c>../shared/conformance</c>, or null when absent.</summary>
    public static string? Find(string relative)
    {
        if (RepoRoot is null)
        {
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance", relative));
        return Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
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

/// <summary>A fact that is skipped, with the reason, when its conformance folder is absent.</summary>
public sealed class ConformanceFactAttribute : FactAttribute
{
    /// <summary>Skips unless <c>../shared/conformance/<paramref name="relative"/></c> exists.</summary>
    public ConformanceFactAttribute(string relative)
    {
        if (ConformancePaths.Find(relative) is null)
        {
            Skip = $"conformance data ../shared/conformance/{relative} is absent";
        }
    }
}

/// <summary>A theory that is skipped, with the reason, when its conformance folder is absent.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips unless <c>../shared/conformance/<paramref name="relative"/></c> exists.</summary>
    public ConformanceTheoryAttribute(string relative)
    {
        if (ConformancePaths.Find(relative) is null)
        {
            Skip = $"conformance data ../shared/conformance/{relative} is absent";
        }
    }
}
