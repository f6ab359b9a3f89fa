using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Stratus.ModelImport;

/// <summary>A python3-botocore .deb, downloaded (or given) and extracted into a work directory.</summary>
/// <param name="Source">Where it came from, for PROVENANCE.md.</param>
/// <param name="Extracted">The directory the package was extracted into (the root of its file tree).</param>
/// <param name="Data">botocore's data directory in <paramref name="Extracted"/>.</param>
internal sealed partial record BotocorePackage(DebSource Source, string Extracted, string Data)
{
    /// <summary>botocore's data directory, relative to the package's root.</summary>
    public const string DataPath = "usr/lib/python3/dist-packages/botocore/data";

    /// <summary>
    /// Downloads the package from <paramref name="suite"/> (<see cref="ImportOptions.DefaultSuite"/> when null)
    /// into <paramref name="work"/>, or takes <paramref name="debPath"/> when given (the suite is then
    /// only recorded; <paramref name="option"/> is the command-line option that gave it), and extracts it into <c>work/x</c>.
    /// </summary>
    public static BotocorePackage Fetch(string work, string? debPath, string? suite, string option = "--deb")
    {
        Directory.CreateDirectory(work);
        IReadOnlyList<string> commands;
        string deb;
        if (debPath is { } given)
        {
            deb = given;
            commands = [$"# the .deb was given with {option}: {given}"];
        }
        else
        {
            (deb, commands) = DebFetcher.Download(work, suite ?? ImportOptions.DefaultSuite);
        }
        var extracted = Path.Combine(work, "x");
        var (package, packageVersion) = DebFetcher.Extract(deb, extracted);
        var data = Path.Combine(extracted, DataPath);
        if (!Directory.Exists(data))
        {
            throw new ImportException($"{deb} has no {DataPath}");
        }
        var botocoreVersion = ReadBotocoreVersion(Path.GetDirectoryName(data)!) ?? packageVersion.Split('+', '-')[0];
        var source = new DebSource(
            package, packageVersion, botocoreVersion,
            debPath is null ? suite ?? ImportOptions.DefaultSuite : suite,
            Path.GetFileName(deb), Sha256(deb), new FileInfo(deb).Length, debPath is not null, commands);
        return new BotocorePackage(source, extracted, data);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string? ReadBotocoreVersion(string botocoreDirectory)
    {
        var init = Path.Combine(botocoreDirectory, "__init__.py");
        return File.Exists(init) && VersionLine().Match(File.ReadAllText(init)) is { Success: true } m ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("""^__version__\s*=\s*['"]([^'"]+)['"]""", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
