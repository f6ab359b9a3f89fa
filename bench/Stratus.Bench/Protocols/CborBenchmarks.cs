using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Stratus.Bench.Payloads;

namespace Stratus.Bench.Protocols;

/// <summary>
/// smithy-rpc-v2-cbor (CloudWatch): parsing GetMetricData (10 series of 500 points) and serializing PutMetricData
/// (20 datums). The AWS SDK packages used here have no CBOR entry point to compare with, so this is Stratus alone.
/// </summary>
[MemoryDiagnoser]
public class CborBenchmarks
{
    private readonly byte[] _metricData = CloudWatchPayloads.GetMetricData(10, 500);
    private readonly StratusOperation _get = new("cloudwatch", "GetMetricData");
    private readonly StratusOperation _put = new("cloudwatch", "PutMetricData");
    private readonly JsonObject _putInput = new()
    {
        ["Namespace"] = "Bench/App",
        ["MetricData"] = new JsonArray([.. Enumerable.Range(0, 20).Select(i => new JsonObject
        {
            ["MetricName"] = "Latency",
            ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Route", ["Value"] = $"/api/{i}" }),
            ["Timestamp"] = Stratus.Protocols.NativeValues.Timestamp(Fixture.Epoch.AddSeconds(i)),
            ["Value"] = 12.5 + i,
            ["Unit"] = "Milliseconds",
        })]),
    };

    [Benchmark(Description = "cbor GetMetricData 10×500 parse: Stratus")]
    public int Parse() => _get.Protocol.ParseResponse(_get.Operation, _get.Response(_metricData, "application/cbor"))["MetricDataResults"]!.AsArray().Count;

    [Benchmark(Description = "cbor PutMetricData 20 serialize: Stratus")]
    public int Serialize() => _put.Protocol.SerializeRequest(_put.Operation, _putInput).Body.Length;
}
