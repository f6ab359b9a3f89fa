using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace Stratus.Generators.Tests.Generation;

public class GeneratorTests
{
    [Fact]
    public void S3_named_operations_generate_code_that_compiles_without_warnings()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new ServiceItem("s3", "GetObject,put_object,ListObjectsV2"));

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var source = GeneratorHarness.Source(run, "S3");
        Assert.Contains("public sealed partial class S3Client : global::System.IDisposable", source);
        Assert.Contains("GetObjectOutput> GetObjectAsync(global::Stratus.Typed.S3.GetObjectRequest request, global::System.Threading.CancellationToken cancellationToken = default)", source);
        Assert.Contains("public global::Stratus.Typed.S3.GetObjectOutput GetObject(global::Stratus.Typed.S3.GetObjectRequest request", source);
        Assert.Contains("PutObjectOutput> PutObjectAsync(", source);
        Assert.Contains("IAsyncEnumerable<global::Stratus.Typed.S3.ListObjectsV2Output> ListObjectsV2PagesAsync(", source);
        Assert.Contains("IAsyncEnumerable<global::Stratus.Typed.S3.Object> ListObjectsV2ContentsAsync(", source);
        // Honest nullability: required members are required and non-null, the others nullable.
        Assert.Contains("public required string Bucket { get; init; }", source);
        Assert.Contains("public global::System.IO.Stream? Body { get; init; }", source);
        Assert.Contains("public global::System.DateTimeOffset? LastModified { get; init; }", source);
        Assert.Contains("public long? ContentLength { get; init; }", source);
        Assert.Contains("public readonly partial record struct StorageClass(string Value)", source);
        Assert.Contains("public sealed partial class NoSuchKeyException : global::Stratus.Client.ServiceException", source);
        Assert.Contains("public global::System.Text.Json.Nodes.JsonObject? Native { get; init; }", source);
        Assert.Contains(run.Results.Single().GeneratedSources, s => s.HintName == "Stratus.Typed.StratusTypedHelpers.g.cs");
    }

    [Fact]
    public void Only_the_named_operations_and_the_shapes_they_reach_are_generated()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new ServiceItem("s3", "GetObject"));

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var source = GeneratorHarness.Source(run, "S3");
        Assert.Contains("GetObjectAsync(", source);
        Assert.DoesNotContain("PutBucketPolicy", source);
        Assert.DoesNotContain("record ListObjectsV2Output", source);
    }

    [Fact]
    public void An_unknown_operation_is_an_error_naming_close_ones()
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(new ServiceItem("s3", "GetObj"));

        var d = Assert.Single(diagnostics);
        Assert.Equal("STRATUS003", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("s3 has no operation 'GetObj'", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("GetObject", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_model_is_an_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-model-" + Guid.NewGuid().ToString("N") + ".json.br");
        var (run, _, diagnostics) = GeneratorHarness.Run(new ServiceItem("nope", null, path));

        var d = Assert.Single(diagnostics);
        Assert.Equal("STRATUS001", d.Id);
        Assert.Contains(path, d.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.Contains("Nope", StringComparison.Ordinal));
    }

    [Fact]
    public void Awkward_names_clashes_recursion_and_odd_enum_values_compile()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new ServiceItem("edge", null, GeneratorHarness.EdgeModel, "Edge.Typed"));

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var source = GeneratorHarness.Source(run, "Edge");
        Assert.Contains("namespace Edge.Typed", source);
        Assert.Contains("public sealed partial class EdgeCasesClient ", source);
        Assert.Contains("public sealed partial record EdgeCasesClientShape", source);  // a shape named like the client
        Assert.Contains("ClassAsync(", source);                                         // operation "class"
        Assert.Contains("public sealed partial record Namespace", source);              // shape "namespace"
        Assert.Contains("public required string Object { get; init; }", source);        // member "object"
        Assert.Contains("public required int Count { get; init; }", source);
        Assert.Contains("public string? NativeValue { get; init; }", source);           // member "Native" beside the generated Native
        Assert.Contains("public global::Edge.Typed.Color? NodeValue { get; init; }", source); // member named like its record
        Assert.Contains("public global::Edge.Typed.Node? Parent { get; init; }", source);     // recursion
        Assert.Contains("IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<int>>? Matrix", source);
        Assert.Contains("IReadOnlyDictionary<string, global::Edge.Typed.Color>? Tags", source);
        Assert.Contains("public global::System.Text.Json.Nodes.JsonNode? Doc { get; init; }", source);
        foreach (var member in new[] { "Red", "T2Micro", "StandardIa", "AB", "ABValue", "Empty", "ValueValue", "IsKnownValue" })
        {
            Assert.Contains($"public static Color {member} {{ get; }}", source);
        }
        Assert.Contains("public sealed partial class BoomException : global::Stratus.Client.ServiceException", source);
        Assert.Contains("public int? StatusCodeValue =>", source);
        Assert.Contains("case \"BoomCode\":", source);
        Assert.Contains("Task<global::System.Text.Json.Nodes.JsonObject> PingAsync(global::System.Threading.CancellationToken", source);
        Assert.Contains("ListThingsItemsAsync(global::Edge.Typed.ListThingsInput? request = null", source);
    }

    [Fact]
    public void A_second_run_on_an_unchanged_project_reuses_the_generated_source()
    {
        var driver = GeneratorHarness.Driver(new ServiceItem("sqs", "SendMessage"));
        var compilation = GeneratorHarness.Compilation();
        driver = driver.RunGenerators(compilation);
        // An edit elsewhere in the project: a new compilation, the same models and items.
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Edited { }", GeneratorHarness.ParseOptions)));

        var result = driver.GetRunResult().Results.Single();
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step was {o.Reason}"));
    }

    [Fact]
    public void Every_EC2_operation_generates()
    {
        var watch = Stopwatch.StartNew();
        var (run, _, diagnostics) = GeneratorHarness.Run(new ServiceItem("ec2"));
        watch.Stop();

        Assert.Empty(diagnostics);
        var source = GeneratorHarness.Source(run, "Ec2");
        var operations = source.Split("public async global::System.Threading.Tasks.Task<").Length - 1;
        Assert.True(operations >= 800, $"{operations} async operation methods");
        Assert.Contains("DescribeInstancesItemsAsync(", source);
        // Reported, not asserted: the machine's speed is not the generator's.
        Console.WriteLine($"ec2, every operation: {operations} operations, {source.Length / 1024} KiB of source, generated in {watch.ElapsedMilliseconds} ms");
    }
}
