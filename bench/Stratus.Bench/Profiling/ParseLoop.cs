using System.Diagnostics;
using Stratus.Bench.Payloads;
using Stratus.Bench.Protocols;

namespace Stratus.Bench.Profiling;

/// <summary>Parses one of the parsing-heavy responses (list, ec2, query) through Stratus for a while, for a CPU profiler to sample.</summary>
internal static class ParseLoop
{
    public static void Run(TimeSpan duration, string which)
    {
        Func<int> body = which switch
        {
            "list" => Parse(new StratusOperation("s3", "ListObjectsV2"), S3Payloads.ListObjectsV2(Fixture.ListKeys), "application/xml", "Contents"),
            "ec2" => Parse(new StratusOperation("ec2", "DescribeInstances"), Ec2Payloads.DescribeInstances(Fixture.Instances), "text/xml;charset=UTF-8", "Reservations"),
            "query" => Parse(new StratusOperation("dynamodb", "Query"), DynamoDbPayloads.Query(Fixture.QueryItems), "application/x-amz-json-1.0", "Items"),
            _ => throw new ArgumentException($"unknown parse '{which}' (list, ec2, query)"),
        };
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < duration)
        {
            body();
            calls++;
        }
        Console.WriteLine($"{calls} parses, {watch.Elapsed.TotalMicroseconds / calls:0.0} µs/parse");
    }

    private static Func<int> Parse(StratusOperation op, byte[] body, string contentType, string member) =>
        () => op.Protocol.ParseResponse(op.Operation, op.Response(body, contentType))[member]!.AsArray().Count;
}
