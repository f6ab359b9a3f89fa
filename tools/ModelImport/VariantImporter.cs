namespace Stratus.ModelImport;

/// <summary>
/// Imports the protocol variants (<see cref="ProtocolVariant.All"/>): one download per suite, then for
/// each variant the service's newest api version, documentation stripped like the main models,
/// written as <c>Data/&lt;service&gt;@&lt;protocol&gt;.json.br</c>.
/// </summary>
internal static class VariantImporter
{
    /// <summary>Imports <paramref name="variants"/> into <paramref name="output"/>; <paramref name="debs"/> maps a suite to a local .deb to use instead of downloading.</summary>
    public static IReadOnlyList<VariantResult> Import(
        IReadOnlyList<ProtocolVariant> variants, IReadOnlyDictionary<string, string> debs, string temp, string output)
    {
        var results = new List<VariantResult>();
        foreach (var suite in variants.Select(v => v.Suite).Distinct(StringComparer.Ordinal))
        {
            var package = BotocorePackage.Fetch(Path.Combine(temp, "variants-" + suite), debs.GetValueOrDefault(suite), suite, "--variant-deb");
            Console.WriteLine($"variants from {suite}: botocore {package.Source.BotocoreVersion} ({package.Source.Package} {package.Source.PackageVersion})");
            foreach (var variant in variants.Where(v => v.Suite == suite))
            {
                var source = ServiceSource.Find(package.Data, variant.Service)
                    ?? throw new ImportException($"{package.Source.DebFileName} has no model for '{variant.Service}'");
                var result = ServiceImporter.Import(source, output, variant.FileStem, ProtocolVariant.Documents);
                if (result.Protocol != variant.Protocol)
                {
                    File.Delete(Path.Combine(output, variant.FileStem + ".json.br"));
                    throw new ImportException(
                        $"{package.Source.DebFileName}: {variant.Service} {source.ApiVersion} speaks '{result.Protocol}', not '{variant.Protocol}'");
                }
                Console.WriteLine($"variant {variant.FileStem}: {source.ApiVersion}, {result.Size} bytes, {result.StrippedKeys} documentation keys stripped");
                results.Add(new VariantResult(variant, result, package.Source));
            }
        }
        return [.. results.OrderBy(r => r.Variant.FileStem, StringComparer.Ordinal)];
    }
}
