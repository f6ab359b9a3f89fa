using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Stratus.Packages.Tests;

/// <summary>
/// A temporary folder holding the solution's packages, packed once for the test class (lazily, so a skipped class
/// packs nothing) with <c>dotnet pack Stratus.slnx --no-build</c> from the build the tests run against; plus a
/// nuget.config whose sources are that folder (for Stratus and Stratus.*, and nothing else) and the machine's usual
/// sources (for everything else), and a private global packages folder, so a package cached from an earlier run
/// can never stand in for the one just packed.
/// </summary>
public sealed partial class PackedFeed : IDisposable
{
    private readonly Lazy<Task<Packed>> _packed;

    public PackedFeed()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"stratus-packages-{Guid.NewGuid():N}");
        _packed = new Lazy<Task<Packed>>(() => PackAsync(Root));
    }

    /// <summary>The temporary folder everything is made in (deleted at the end).</summary>
    public string Root { get; }

    /// <summary>The packed folder, its packages' version, the nuget.config and the private packages folder.</summary>
    public sealed record Packed(string Feed, string Version, string NuGetConfig, string PackagesFolder, TimeSpan PackTime)
    {
        /// <summary>The environment of a restore: the private global packages folder.</summary>
        public Dictionary<string, string> Environment => new() { ["NUGET_PACKAGES"] = PackagesFolder };
    }

    public Task<Packed> GetAsync() => _packed.Value;

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still open by an exiting process: the temp folder is the system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The repository the tests were built from.</summary>
    public static string RepoRoot => Metadata("StratusRepoRoot");

    private static string Metadata(string key) =>
        typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"no {key} metadata");

    private static async Task<Packed> PackAsync(string root)
    {
        var repo = Metadata("StratusRepoRoot");
        var configuration = Metadata("StratusConfiguration");
        var feed = System.IO.Path.Combine(root, "feed");
        Directory.CreateDirectory(feed);
        // Build files in the temp root, empty, so none from a folder above it (another checkout) applies.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(System.IO.Path.Combine(root, file), "<Project />\n");
        }

        // The packages get the version the build under test was given (from git when it ran): with no build of its
        // own, a pack after a later commit would otherwise label older assemblies with a newer version.
        var runtime = System.IO.Path.Combine(repo, "src", "Stratus", "bin", configuration, "net10.0", "Stratus.dll");
        Assert.True(File.Exists(runtime), $"{runtime} is missing: build the solution first (dotnet build Stratus.slnx -c {configuration}).");
        var built = FileVersionInfo.GetVersionInfo(runtime).ProductVersion?.Split('+')[0];
        Assert.False(string.IsNullOrEmpty(built), $"{runtime} has no informational version");

        var pack = await Dotnet.RunAsync(repo, null, "pack", System.IO.Path.Combine(repo, "Stratus.slnx"), "-c", configuration, "--no-build", "-o", feed,
            "-nodeReuse:false", $"-p:MinVerVersionOverride={built}");
        pack.Ok("dotnet pack Stratus.slnx --no-build (build the solution first)");

        var version = Directory.GetFiles(feed, "Stratus.*.nupkg")
            .Select(f => RuntimePackage().Match(System.IO.Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .SingleOrDefault() ?? throw new InvalidOperationException($"no Stratus.<version>.nupkg in {feed}:\n{pack.Output}");

        var sources = await MachineSourcesAsync(root);
        var packages = System.IO.Path.Combine(root, "nuget-packages");
        var config = System.IO.Path.Combine(root, "nuget.config");
        var doc = new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "stratus-packed"), new XAttribute("value", feed)),
                sources.Select((s, i) => new XElement("add", new XAttribute("key", $"usual-{i}"), new XAttribute("value", s)))),
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "stratus-packed"),
                    new XElement("package", new XAttribute("pattern", "Stratus")),
                    new XElement("package", new XAttribute("pattern", "Stratus.*"))),
                sources.Select((_, i) => new XElement("packageSource", new XAttribute("key", $"usual-{i}"),
                    new XElement("package", new XAttribute("pattern", "*")))))));
        doc.Save(config);
        return new Packed(feed, version, config, packages, pack.Elapsed);
    }

    /// <summary>The package sources this machine's NuGet configuration enables (nuget.org's, as a rule).</summary>
    private static async Task<List<string>> MachineSourcesAsync(string root)
    {
        var list = await Dotnet.RunAsync(root, null, "nuget", "list", "source", "--format", "short");
        list.Ok("dotnet nuget list source");
        // One line per source: "E <url>" when enabled, "D <url>" when disabled.
        var sources = list.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith("E ", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .ToList();
        Assert.True(sources.Count > 0, $"no enabled NuGet source on this machine:\n{list.Output}");
        return sources;
    }

    [GeneratedRegex(@"^Stratus\.(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex RuntimePackage();
}
