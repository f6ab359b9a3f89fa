using Stratus.Tests.TestSupport;
using System.Text.Json.Nodes;
using Stratus.Conformance;
using Xunit.Abstractions;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// Every case of the JSON and CBOR conformance files, through client and server: requests serialized by
/// the client must be found and parsed back by the server; results and errors written by the server must
/// parse back on the client. Cases in the suite's ignore list are skipped; the cases that cannot
/// round-trip are listed with their reasons in <see cref="RoundTripExceptions"/>.
/// </summary>
public sealed class ServerRoundTripSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => new()
    {
        "input/json.json", "input/json_1_0.json", "input/json_1_0-query-compatible.json", "input/rest-json.json",
        "input/smithy-rpc-v2-cbor.json", "input/smithy-rpc-v2-cbor-query-compatible.json", "input/smithy-rpc-v2-cbor-non-query-compatible.json",
        "output/json.json", "output/json_1_0.json", "output/json_1_0-query-compatible.json", "output/rest-json.json",
        "output/smithy-rpc-v2-cbor.json", "output/smithy-rpc-v2-cbor-query-compatible.json",
    };

    [ConformanceTheory("protocols")]
    [MemberData(nameof(Files))]
    public void SuiteFileRoundTrips(string file)
    {
        var dir = ConformancePaths.Find("protocols")!;
        var ignore = IgnoreList.Load(Path.Combine(dir, "protocol-tests-ignore-list.json"));
        var kind = file.Split('/')[0];
        var protocolFile = Path.GetFileNameWithoutExtension(file);
        int passed = 0, total = 0, skipped = 0;
        var failures = new List<string>();
        var stale = new List<string>();
        foreach (var suite in (JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, file))) as JsonArray ?? []).OfType<JsonObject>())
        {
            var description = suite["description"]?.GetValue<string>() ?? "";
            foreach (var c in (suite["cases"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var id = c["id"]?.GetValue<string>() ?? description;
                if (ignore.Ignores(protocolFile, kind, description, id))
                {
                    skipped++;
                    continue;
                }
                total++;
                string? error;
                try
                {
                    error = kind == "input" ? ServerRoundTrip.RunInput(suite, c) : ServerRoundTrip.RunOutput(suite, c);
                }
                catch (Exception e)
                {
                    error = e.GetType().Name + ": " + e.Message;
                }
                var key = file + ": " + id;
                var excepted = RoundTripExceptions.Reasons.TryGetValue(key, out var reason);
                if (error is null)
                {
                    passed++;
                    if (excepted)
                    {
                        stale.Add(key);
                    }
                }
                else if (excepted)
                {
                    output.WriteLine($"EXCEPTED {key}: {error} [{reason}]");
                }
                else
                {
                    failures.Add($"{key}: {error}");
                }
            }
        }
        output.WriteLine($"{file}: {passed}/{total} round-trip, {skipped} skipped (ignore list)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(stale.Count == 0, "Listed as exceptions but round-trip now: " + string.Join(", ", stale));
    }
}
