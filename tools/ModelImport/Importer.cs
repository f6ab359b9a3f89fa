using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Stratus.ModelImport;

/// <summary>The import, start to end: fetch, extract, convert every service, write the bundle and its provenance.</summary>
internal static partial class Importer
{
    /// <summary>Top-level data files, and their names in the bundle.</summary>
    private static readonly (string File, string Name)[] DataFiles =
    [
        ("endpoints.json", "_endpoints"),
        ("partitions.json", "_partitions"),
        ("sdk-default-configuration.json", "_sdk-default-configuration"),
        ("_retry.json", "_retry"),
    ];

    private const string DataPath = "usr/lib/python3/dist-packages/botocore/data";
    private const string DocPath = "usr/share/doc/python3-botocore";

    public static int Run(ImportOptions options)
    {
        var clock = Stopwatch.StartNew();
        var temp = Directory.CreateTempSubdirectory("stratus-botocore-").FullName;
        try
        {
            IReadOnlyList<string> commands;
            string deb;
            if (options.DebPath is { } given)
            {
                deb = given;
                commands = [$"# the .deb was given with --deb: {given}"];
            }
            else
            {
                (deb, commands) = DebFetcher.Download(temp, options.Suite ?? ImportOptions.DefaultSuite);
            }
            var extracted = Path.Combine(temp, "x");
            var (package, packageVersion) = DebFetcher.Extract(deb, extracted);
            var data = Path.Combine(extracted, DataPath);
            if (!Directory.Exists(data))
            {
                throw new ImportException($"{deb} has no {DataPath}");
            }
            var botocoreVersion = ReadBotocoreVersion(Path.GetDirectoryName(data)!) ?? packageVersion.Split('+', '-')[0];

            var output = Path.Combine(options.OutputDirectory, "Data");
            Directory.CreateDirectory(output);
            foreach (var stale in Directory.GetFiles(output, "*.json.br").Append(Path.Combine(output, "index.json")))
            {
                File.Delete(stale);
            }

            var sources = ServiceSource.Discover(data);
            Console.WriteLine($"botocore {botocoreVersion} ({package} {packageVersion}): {sources.Count} services");
            var results = new ServiceResult[sources.Count];
            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
                results[i] = ServiceImporter.Import(sources[i], output));

            long dataSize = 0;
            foreach (var (file, name) in DataFiles)
            {
                var compressed = BundleWriter.Compress(BundleWriter.Minify((System.Text.Json.Nodes.JsonNode)ServiceSource.ReadObject(Path.Combine(data, file))));
                BundleWriter.Write(Path.Combine(output, name + ".json.br"), compressed);
                dataSize += compressed.Length;
            }
            var index = IndexWriter.Build(botocoreVersion, package, packageVersion, results);
            BundleWriter.Write(Path.Combine(output, "index.json"), index);

            var doc = Path.Combine(extracted, DocPath);
            File.WriteAllText(Path.Combine(options.OutputDirectory, "LICENSE-botocore.txt"), Licence.Build(Path.Combine(doc, "copyright")));
            File.Copy(Path.Combine(doc, "NOTICE"), Path.Combine(options.OutputDirectory, "NOTICE-botocore.txt"), overwrite: true);

            var bundle = Directory.GetFiles(output).Select(f => new FileInfo(f)).ToArray();
            var largest = bundle.MaxBy(f => f.Length)!;
            var facts = new ProvenanceFacts(
                package, packageVersion, botocoreVersion,
                options.DebPath is null ? options.Suite ?? ImportOptions.DefaultSuite : options.Suite,
                Path.GetFileName(deb), Sha256(deb), new FileInfo(deb).Length, options.DebPath is not null,
                DateTime.UtcNow, commands, results,
                bundle.Length, bundle.Sum(f => f.Length), results.Sum(r => r.Size), largest.Name, largest.Length);
            File.WriteAllText(Path.Combine(options.OutputDirectory, "PROVENANCE.md"), Provenance.Build(facts));

            Console.WriteLine($"services: {results.Length}");
            Console.WriteLine($"documentation keys stripped: {results.Sum(r => r.StrippedKeys)}");
            Console.WriteLine($"uncompressed (stripped, minified): {Mib(results.Sum(r => r.Size))}");
            Console.WriteLine($"compressed services: {Mib(results.Sum(r => r.CompressedSize))}, data files: {Mib(dataSize)}");
            Console.WriteLine($"bundle: {bundle.Length} files, {Mib(facts.BundleBytes)} in {output}");
            Console.WriteLine($"largest file: {largest.Name} ({Mib(largest.Length)})");
            Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        finally
        {
            if (options.KeepTemp)
            {
                Console.WriteLine($"kept {temp}");
            }
            else
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    public static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:F2} MiB";

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
