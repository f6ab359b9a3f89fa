using System.Diagnostics;

namespace Stratus.ModelImport;

/// <summary>The import, start to end: fetch, extract, convert every service and protocol variant, write the bundle and its provenance.</summary>
internal static class Importer
{
    /// <summary>Top-level data files, and their names in the bundle.</summary>
    private static readonly (string File, string Name)[] DataFiles =
    [
        ("endpoints.json", "_endpoints"),
        ("partitions.json", "_partitions"),
        ("sdk-default-configuration.json", "_sdk-default-configuration"),
        ("_retry.json", "_retry"),
    ];

    private const string DocPath = "usr/share/doc/python3-botocore";

    public static int Run(ImportOptions options)
    {
        var clock = Stopwatch.StartNew();
        var temp = Directory.CreateTempSubdirectory("stratus-botocore-").FullName;
        try
        {
            var main = BotocorePackage.Fetch(temp, options.DebPath, options.Suite);
            var (data, source) = (main.Data, main.Source);

            var output = Path.Combine(options.OutputDirectory, "Data");
            Directory.CreateDirectory(output);
            foreach (var stale in Directory.GetFiles(output, "*.json.br").Append(Path.Combine(output, "index.json")))
            {
                File.Delete(stale);
            }

            var sources = ServiceSource.Discover(data);
            Console.WriteLine($"botocore {source.BotocoreVersion} ({source.Package} {source.PackageVersion}): {sources.Count} services");
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
            var variants = VariantImporter.Import(ProtocolVariant.All, options.VariantDebs, temp, output);
            var index = IndexWriter.Build(source.BotocoreVersion, source.Package, source.PackageVersion, results, variants);
            BundleWriter.Write(Path.Combine(output, "index.json"), index);

            var doc = Path.Combine(main.Extracted, DocPath);
            File.WriteAllText(Path.Combine(options.OutputDirectory, "LICENSE-botocore.txt"), Licence.Build(Path.Combine(doc, "copyright")));
            File.Copy(Path.Combine(doc, "NOTICE"), Path.Combine(options.OutputDirectory, "NOTICE-botocore.txt"), overwrite: true);

            var bundle = Directory.GetFiles(output).Select(f => new FileInfo(f)).ToArray();
            var largest = bundle.MaxBy(f => f.Length)!;
            var facts = new ProvenanceFacts(
                source, DateTime.UtcNow, results, variants,
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
}
