namespace Stratus.Tests.Protocols;

/// <summary>
/// A theory over the shared botocore protocol suites; skipped, with the reason, when the suites are not
/// checked out beside the repository (<c>../shared/conformance/protocols</c>).
/// </summary>
public sealed class XmlSuiteTheoryAttribute : TheoryAttribute
{
    public XmlSuiteTheoryAttribute()
    {
        if (SuiteDirectory is null)
        {
            Skip = "The shared conformance suites (../shared/conformance/protocols beside the repository) are not present.";
        }
    }

    /// <summary>The suites' directory, or null when absent.</summary>
    public static string? SuiteDirectory { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stratus.slnx")))
            {
                var suites = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "protocols"));
                return Directory.Exists(suites) ? suites : null;
            }
        }
        return null;
    }
}
