using System.Diagnostics;
using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;
using Stratus.Bench.Protocols;

namespace Stratus.Bench.Profiling;

/// <summary>
/// Bytes and time per parse of the three parsing-heavy responses, Stratus (ParseResponse into JsonObject) next to
/// the floor's hand-written parsers: the parsing part of the end-to-end ListObjectsV2, DescribeInstances and Query.
/// </summary>
internal static class ParseProfile
{
    public static void Run(int iterations)
    {
        var list = S3Payloads.ListObjectsV2(Fixture.ListKeys);
        var instances = Ec2Payloads.DescribeInstances(Fixture.Instances);
        var query = DynamoDbPayloads.Query(Fixture.QueryItems);
        var s3 = new StratusOperation("s3", "ListObjectsV2");
        var ec2 = new StratusOperation("ec2", "DescribeInstances");
        var dynamodb = new StratusOperation("dynamodb", "Query");
        var cases = new (string Name, Func<int> Body)[]
        {
            ("rest-xml ListObjectsV2 1,000: Stratus", () => s3.Protocol.ParseResponse(s3.Operation, s3.Response(list, "application/xml"))["Contents"]!.AsArray().Count),
            ("rest-xml ListObjectsV2 1,000: floor", () => S3ListParser.Parse(new MemoryStream(list), out _).Count),
            ("ec2 DescribeInstances 500: Stratus", () => ec2.Protocol.ParseResponse(ec2.Operation, ec2.Response(instances, "text/xml;charset=UTF-8"))["Reservations"]!.AsArray().Count),
            ("ec2 DescribeInstances 500: floor", () => Ec2Parser.Parse(new MemoryStream(instances)).Count),
            ("json DynamoDB Query 100: Stratus", () => dynamodb.Protocol.ParseResponse(dynamodb.Operation, dynamodb.Response(query, "application/x-amz-json-1.0"))["Items"]!.AsArray().Count),
            ("json DynamoDB Query 100: floor", () => DynamoDbParser.ParseItems(query, out _).Count),
        };
        Console.WriteLine();
        Console.WriteLine($"Parsing from bytes in memory, {iterations} iterations per row after warm-up (one thread).");
        Console.WriteLine();
        Console.WriteLine("| Parse | bytes/call | ns/call |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, body) in cases)
        {
            for (var i = 0; i < Math.Max(20, iterations / 5); i++)
            {
                body();
            }
            GC.Collect();
            var bytes0 = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                body();
            }
            var elapsed = Stopwatch.GetElapsedTime(start);
            var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - bytes0) / iterations;
            Console.WriteLine($"| {name} | {bytes:N0} | {elapsed.TotalNanoseconds / iterations:N0} |");
        }
        foreach (var (name, body) in cases.Where(c => c.Name.EndsWith("Stratus", StringComparison.Ordinal)))
        {
            using var sampler = new AllocationSampler();
            sampler.Start();
            for (var i = 0; i < iterations; i++)
            {
                body();
            }
            sampler.Stop();
            Console.WriteLine();
            Console.WriteLine($"Allocating types, {name}:");
            Console.WriteLine("| Type | share of bytes |");
            Console.WriteLine("|---|---:|");
            foreach (var (type, share) in sampler.Top(8))
            {
                Console.WriteLine($"| `{type}` | {share:P1} |");
            }
        }
    }
}
