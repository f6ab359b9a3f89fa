namespace Stratus.ModelImport;

/// <summary>The command line.</summary>
internal sealed record ImportOptions(
    string? DebPath, string? Suite, string OutputDirectory, bool KeepTemp, IReadOnlyDictionary<string, string> VariantDebs)
{
    public const string Usage = """
        usage: dotnet run --project tools/ModelImport -- [--deb file.deb] [--suite sid|trixie|bookworm] [--variant-deb suite=file.deb]... [--out dir] [--keep]
          --deb          use this python3-botocore .deb instead of downloading one
          --suite        the Debian suite to download from (default: sid); with --deb, recorded as its origin
          --variant-deb  for the protocol variants taken from that suite (see ProtocolVariant.cs), use this
                         python3-botocore .deb instead of downloading one (repeatable, one per suite)
          --out          the model project directory (default: <repo>/src/Stratus.AwsModels)
          --keep         keep the temporary directory (download and extracted files)
        """;

    private static readonly string[] Suites = ["sid", "unstable", "trixie", "bookworm", "forky", "testing", "stable"];

    /// <summary>The suite downloaded from when none is given.</summary>
    public const string DefaultSuite = "sid";

    /// <summary>Parses the arguments; null means help was asked for.</summary>
    public static ImportOptions? Parse(string[] args)
    {
        string? deb = null, output = null;
        string? suite = null;
        var keep = false;
        var variantDebs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--deb":
                    deb = Path.GetFullPath(Value(args, ref i));
                    if (!File.Exists(deb))
                    {
                        throw new ImportException($"no such file: {deb}");
                    }
                    break;
                case "--suite":
                    suite = Value(args, ref i);
                    if (!Suites.Contains(suite))
                    {
                        throw new ImportException($"unknown suite '{suite}' (expected one of: {string.Join(", ", Suites)})");
                    }
                    break;
                case "--variant-deb":
                    var (variantSuite, variantDeb) = VariantDeb(Value(args, ref i));
                    variantDebs[variantSuite] = variantDeb;
                    break;
                case "--out":
                    output = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "-h" or "--help":
                    return null;
                default:
                    throw new ImportException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }
        output ??= Path.Combine(FindRepoRoot(), "src", "Stratus.AwsModels");
        return new ImportOptions(deb, suite, output, keep, variantDebs);
    }

    private static (string Suite, string Deb) VariantDeb(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var suite = equals > 0 ? value[..equals] : throw new ImportException($"--variant-deb needs suite=file.deb, not '{value}'");
        if (!ProtocolVariant.All.Any(v => v.Suite == suite))
        {
            throw new ImportException($"no protocol variant is taken from '{suite}' (they are taken from: {string.Join(", ", ProtocolVariant.All.Select(v => v.Suite).Distinct())})");
        }
        var deb = Path.GetFullPath(value[(equals + 1)..]);
        return File.Exists(deb) ? (suite, deb) : throw new ImportException($"no such file: {deb}");
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ImportException($"{args[i - 1]} needs a value");

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Stratus.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new ImportException("cannot find the repository root (Stratus.slnx); pass --out");
    }
}
