using System.Text.Json.Nodes;
using Stratus.Tests.TestSupport;
using Xunit.Abstractions;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// The XML protocols' botocore suites through the server side and back (see <see cref="XmlServerRoundTrip"/>).
/// Cases that cannot round-trip are listed, with the reason, in <c>server-roundtrip-exceptions.json</c>;
/// a listed case that passes fails the test, so the list stays true.
/// </summary>
public sealed class XmlServerRoundTripSuiteTests(ITestOutputHelper output)
{
    [ConformanceTheory("protocols")]
    [InlineData("input/query.json")]
    [InlineData("input/ec2.json")]
    [InlineData("input/rest-xml.json")]
    [InlineData("output/query.json")]
    [InlineData("output/ec2.json")]
    [InlineData("output/rest-xml.json")]
    [InlineData("legacy/input/query.json")]
    [InlineData("legacy/input/ec2.json")]
    [InlineData("legacy/input/rest-xml.json")]
    [InlineData("legacy/output/query.json")]
    [InlineData("legacy/output/ec2.json")]
    [InlineData("legacy/output/rest-xml.json")]
    public void Suite_file_round_trips(string file)
    {
        var (passed, failed) = XmlServerRoundTrip.RunFile(ConformancePaths.Find("protocols")!, file);
        var exceptions = Exceptions();
        var unexpected = failed.Where(f => !exceptions.ContainsKey(f.Key)).Select(f => $"{f.Key}: {f.Value}").ToList();
        var stale = passed.Where(exceptions.ContainsKey).ToList();
        output.WriteLine($"{file}: {passed.Count} round-trip, {failed.Count} listed as not round-tripping");
        foreach (var (name, why) in failed)
        {
            output.WriteLine($"  {name}: {why}");
        }
        Assert.True(passed.Count > 0, $"{file}: no case round-trips");
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
        Assert.True(stale.Count == 0, "Listed in server-roundtrip-exceptions.json but round-trip now: " + string.Join(", ", stale));
    }

    private static Dictionary<string, string> Exceptions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Protocols", "Server", "server-roundtrip-exceptions.json");
        var list = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, reason) in JsonNode.Parse(File.ReadAllText(path))!.AsObject())
        {
            list[name] = reason!.GetValue<string>();
        }
        return list;
    }
}
