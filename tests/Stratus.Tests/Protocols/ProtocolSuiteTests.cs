using Stratus.Conformance;
using Stratus.Tests.TestSupport;
using Xunit.Abstractions;

namespace Stratus.Tests.Protocols;

/// <summary>Runs the shared protocol conformance files for the JSON and CBOR protocols through the conformance runner.</summary>
public sealed class ProtocolSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new()
    {
        "input/json.json", "input/json_1_0.json", "input/json_1_0-query-compatible.json", "input/rest-json.json",
        "input/smithy-rpc-v2-cbor.json", "input/smithy-rpc-v2-cbor-query-compatible.json", "input/smithy-rpc-v2-cbor-non-query-compatible.json",
        "output/json.json", "output/json_1_0.json", "output/json_1_0-query-compatible.json", "output/rest-json.json",
        "output/smithy-rpc-v2-cbor.json", "output/smithy-rpc-v2-cbor-query-compatible.json",
        "legacy/input/json.json", "legacy/input/rest-json.json", "legacy/output/json.json", "legacy/output/rest-json.json",
    };

    [ConformanceTheory("protocols")]
    [MemberData(nameof(Files))]
    public void SuiteFilePasses(string file)
    {
        var dir = ConformancePaths.Find("protocols")!;
        var result = ProtocolSuite.RunAll(dir, file);
        foreach (var known in result.KnownFailures)
        {
            output.WriteLine("KNOWN " + known);
        }
        output.WriteLine(result.Summary);
        Assert.True(result.Failures.Count == 0, string.Join(Environment.NewLine, result.Failures));
        Assert.True(result.Passed + result.Skipped.Count + result.KnownFailures.Count > 0, $"{file} ran no cases.");
    }
}
