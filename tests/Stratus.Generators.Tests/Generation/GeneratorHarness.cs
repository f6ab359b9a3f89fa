using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Stratus.Generators;

namespace Stratus.Generators.Tests.Generation;

/// <summary>One StratusService item, as the build glue would hand it to the compiler.</summary>
internal sealed record ServiceItem(string Service, string? Operations = null, string? ModelPath = null, string? Namespace = null);

/// <summary>
/// Runs <see cref="TypedViewGenerator"/> the way the compiler does: additional files with the item metadata
/// the targets make visible, on a compilation that references the Stratus runtime.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
    {
        // The framework's assemblies and the runtime's, not this test assembly (it holds its own typed views).
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == framework)
            .Append(typeof(Stratus.Client.ServiceClient).Assembly.Location);
        return [.. paths.Distinct().Select(p => MetadataReference.CreateFromFile(p))];
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The repository root (where Stratus.slnx is).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Stratus.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Stratus.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    public static string BundledModel(string service) => Path.Combine(RepoRoot, "src", "Stratus.AwsModels", "Data", service + ".json.br");

    public static string EdgeModel => Path.Combine(AppContext.BaseDirectory, "Models", "edge.json");

    public static CSharpCompilation Compilation(string source = "namespace Probe { internal static class Empty { } }") =>
        CSharpCompilation.Create("Probe", [CSharpSyntaxTree.ParseText(source, ParseOptions)], s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(params ServiceItem[] items)
    {
        var texts = items.Select(i => (AdditionalText)new FileText(i.ModelPath ?? BundledModel(i.Service))).ToImmutableArray();
        var options = new OptionsProvider(texts.Zip(items).ToDictionary(p => p.First, p => Metadata(p.Second)));
        return CSharpGeneratorDriver.Create(
            [new TypedViewGenerator().AsSourceGenerator()], texts, ParseOptions, options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator; returns the run, the compilation with the generated sources, and its diagnostics.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(params ServiceItem[] items)
    {
        var driver = Driver(items).RunGeneratorsAndUpdateCompilation(Compilation(), out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The generated source whose hint name contains <paramref name="part"/>.</summary>
    public static string Source(GeneratorDriverRunResult run, string part) =>
        run.Results.Single().GeneratedSources.Single(s => s.HintName.Contains(part, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>The compiler's warnings and errors on the output (what a warnings-as-errors build would fail on).</summary>
    public static List<Diagnostic> Problems(Compilation output) =>
        [.. output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    private static Dictionary<string, string> Metadata(ServiceItem item)
    {
        var m = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.StratusService"] = item.Service };
        if (item.Operations is not null)
        {
            m["build_metadata.AdditionalFiles.StratusOperations"] = item.Operations;
        }
        if (item.Namespace is not null)
        {
            m["build_metadata.AdditionalFiles.StratusNamespace"] = item.Namespace;
        }
        return m;
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            File.Exists(path) ? SourceText.From(File.ReadAllText(path)) : null;
    }

    private sealed class OptionsProvider(Dictionary<AdditionalText, Dictionary<string, string>> byFile) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Empty = new([]);

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            byFile.TryGetValue(textFile, out var m) ? new Options(m) : Empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
