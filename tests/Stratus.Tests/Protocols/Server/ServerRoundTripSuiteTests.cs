using Stratus.Tests.TestSupport;
using Xunit.Abstractions;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// Every protocol suite file, through client and server (<see cref="ServerRoundTrip"/>): requests serialized by
/// the client must be found and parsed back by the server; results and errors written by the server must parse
/// back on the client. Cases in the suite's ignore list are skipped; the cases that cannot round-trip are listed
/// with their reasons in <see cref="RoundTripExceptions"/>, and a listed case that round-trips (or no longer
/// runs) fails the test, so the list stays true.
/// </summary>
public sealed class ServerRoundTripSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new()
    {
        "input/ec2.json", "input/json.json", "input/json_1_0.json", "input/json_1_0-query-compatible.json", "input/query.json",
        "input/rest-json.json", "input/rest-xml.json", "input/smithy-rpc-v2-cbor.json",
        "input/smithy-rpc-v2-cbor-query-compatible.json", "input/smithy-rpc-v2-cbor-non-query-compatible.json",
        "output/ec2.json", "output/json.json", "output/json_1_0.json", "output/json_1_0-query-compatible.json", "output/query.json",
        "output/rest-json.json", "output/rest-xml.json", "output/smithy-rpc-v2-cbor.json",
        "output/smithy-rpc-v2-cbor-query-compatible.json", "output/smithy-rpc-v2-cbor-non-query-compatible.json",
        "legacy/input/ec2.json", "legacy/input/json.json", "legacy/input/query.json", "legacy/input/rest-json.json", "legacy/input/rest-xml.json",
        "legacy/output/ec2.json", "legacy/output/json.json", "legacy/output/query.json", "legacy/output/rest-json.json", "legacy/output/rest-xml.json",
    };

    [ConformanceTheory("protocols")]
    [MemberData(nameof(Files))]
    public void SuiteFileRoundTrips(string file)
    {
        var result = ServerRoundTrip.RunFile(ConformancePaths.Find("protocols")!, file);
        var listed = RoundTripExceptions.Reasons.Where(e => e.Key.StartsWith(file + ": ", StringComparison.Ordinal)).ToList();
        var unexpected = result.Failed.Where(f => !RoundTripExceptions.Reasons.ContainsKey(f.Key)).Select(f => $"{f.Key}: {f.Value}").ToList();
        var stale = listed.Where(e => !result.Failed.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        output.WriteLine($"{file}: {result.Passed.Count} round-trip, {result.Failed.Count} listed as not round-tripping, {result.Skipped} skipped (ignore list)");
        foreach (var (name, why) in result.Failed)
        {
            output.WriteLine($"  {name}: {why}");
        }
        Assert.True(result.Passed.Count > 0 || result.Failed.Count == 0, $"{file}: no case round-trips");
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
        Assert.True(stale.Count == 0, "Listed in RoundTripExceptions but round-trip now (or no longer run): " + string.Join(", ", stale));
    }
}
