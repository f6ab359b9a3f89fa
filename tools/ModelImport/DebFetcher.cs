namespace Stratus.ModelImport;

/// <summary>
/// Downloads python3-botocore with a private apt configuration (its own sources.list, lists and
/// cache in a temporary directory), so the machine's apt state and suite are left alone.
/// </summary>
internal static class DebFetcher
{
    public const string Package = "python3-botocore";
    private const string Keyring = "/usr/share/keyrings/debian-archive-keyring.gpg";

    /// <summary>Downloads the package from <paramref name="suite"/> into <paramref name="temp"/>; returns the .deb path and the commands run.</summary>
    public static (string Deb, IReadOnlyList<string> Commands) Download(string temp, string suite)
    {
        Directory.CreateDirectory(Path.Combine(temp, "lists", "partial"));
        Directory.CreateDirectory(Path.Combine(temp, "cache", "archives", "partial"));
        var sources = Path.Combine(temp, "sources.list");
        File.WriteAllText(sources, $"deb [signed-by={Keyring}] http://deb.debian.org/debian {suite} main\n");
        string[] options =
        [
            "-o", $"Dir::Etc::SourceList={sources}",
            "-o", "Dir::Etc::SourceParts=/dev/null",
            "-o", $"Dir::State::Lists={Path.Combine(temp, "lists")}",
            "-o", $"Dir::Cache={Path.Combine(temp, "cache")}",
        ];
        string[] update = [.. options, "update"];
        string[] download = [.. options, "download", Package];
        Shell.Run(temp, "apt-get", update);
        Shell.Run(temp, "apt-get", download);
        var debs = Directory.GetFiles(temp, $"{Package}_*.deb");
        if (debs.Length != 1)
        {
            throw new ImportException($"expected one {Package} .deb in {temp}, found {debs.Length}");
        }
        var commands = new List<string>
        {
            "T=$(mktemp -d)",
            "mkdir -p $T/lists/partial $T/cache/archives/partial",
            $"echo 'deb [signed-by={Keyring}] http://deb.debian.org/debian {suite} main' > $T/sources.list",
            "O=\"-o Dir::Etc::SourceList=$T/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$T/lists -o Dir::Cache=$T/cache\"",
            $"apt-get $O update && (cd $T && apt-get $O download {Package})",
        };
        return (debs[0], commands);
    }

    /// <summary>Extracts the package and reads its control fields.</summary>
    public static (string Package, string Version) Extract(string deb, string destination)
    {
        Shell.Run(Path.GetDirectoryName(deb)!, "dpkg-deb", "-x", deb, destination);
        var package = Shell.Run(Path.GetDirectoryName(deb)!, "dpkg-deb", "-f", deb, "Package").Trim();
        var version = Shell.Run(Path.GetDirectoryName(deb)!, "dpkg-deb", "-f", deb, "Version").Trim();
        if (package != Package)
        {
            throw new ImportException($"{deb} is {package}, not {Package}");
        }
        return (package, version);
    }
}
