using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2.Model.Internal.MarshallTransformations;
using Amazon.EC2.Model;
using Amazon.EC2.Model.Internal.MarshallTransformations;
using Amazon.Util;
using BenchmarkDotNet.Attributes;

namespace Stratus.Bench.Protocols;

/// <summary>
/// Serializing requests (input built once): the query family's form encoding (EC2 DescribeInstances with
/// filters) and JSON (DynamoDB BatchWriteItem, 25 items), Stratus against the AWS SDK's marshallers.
/// </summary>
[MemoryDiagnoser]
public class SerializeBenchmarks
{
    private readonly StratusOperation _ec2 = new("ec2", "DescribeInstances");
    private readonly StratusOperation _batch = new("dynamodb", "BatchWriteItem");
    private readonly JsonObject _ec2Input = new()
    {
        ["InstanceIds"] = new JsonArray([.. Enumerable.Range(0, 20).Select(i => JsonValue.Create($"i-0{i:x16}"))]),
        ["Filters"] = new JsonArray([.. Enumerable.Range(0, 5).Select(f => new JsonObject
        {
            ["Name"] = $"tag:team-{f}",
            ["Values"] = new JsonArray([.. Enumerable.Range(0, 5).Select(v => JsonValue.Create($"value {f}-{v}"))]),
        })]),
        ["MaxResults"] = 500,
    };
    private readonly DescribeInstancesRequest _ec2Request = new()
    {
        InstanceIds = [.. Enumerable.Range(0, 20).Select(i => $"i-0{i:x16}")],
        Filters = [.. Enumerable.Range(0, 5).Select(f => new Filter($"tag:team-{f}", [.. Enumerable.Range(0, 5).Select(v => $"value {f}-{v}")]))],
        MaxResults = 500,
    };
    // The SDK's form encoding step is internal; called through a delegate, as its pipeline calls it.
    private static readonly Func<Amazon.Runtime.Internal.IRequest, string> FormEncode = typeof(AWSSDKUtils)
        .GetMethod("GetParametersAsString", System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, [typeof(Amazon.Runtime.Internal.IRequest)])!
        .CreateDelegate<Func<Amazon.Runtime.Internal.IRequest, string>>();
    private readonly JsonObject _batchInput;
    private readonly BatchWriteItemRequest _batchRequest;

    public SerializeBenchmarks()
    {
        _batchInput = new JsonObject
        {
            ["RequestItems"] = new JsonObject
            {
                ["Music"] = new JsonArray([.. Enumerable.Range(0, 25).Select(i => new JsonObject
                {
                    ["PutRequest"] = new JsonObject
                    {
                        ["Item"] = new JsonObject
                        {
                            ["Artist"] = new JsonObject { ["S"] = "Miles Davis" },
                            ["Song"] = new JsonObject { ["S"] = $"Track {i:D4}" },
                            ["Plays"] = new JsonObject { ["N"] = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                            ["Genres"] = new JsonObject { ["SS"] = new JsonArray("jazz", "modal") },
                        },
                    },
                })]),
            },
        };
        _batchRequest = new BatchWriteItemRequest
        {
            RequestItems = new Dictionary<string, List<WriteRequest>>
            {
                ["Music"] = [.. Enumerable.Range(0, 25).Select(i => new WriteRequest(new PutRequest(new Dictionary<string, AttributeValue>
                {
                    ["Artist"] = new() { S = "Miles Davis" },
                    ["Song"] = new() { S = $"Track {i:D4}" },
                    ["Plays"] = new() { N = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    ["Genres"] = new() { SS = ["jazz", "modal"] },
                })))],
            },
        };
    }

    [Benchmark(Description = "query form (ec2) DescribeInstances: Stratus")]
    public int Ec2Stratus() => _ec2.Protocol.SerializeRequest(_ec2.Operation, _ec2Input).Body.Length;

    [Benchmark(Description = "query form (ec2) DescribeInstances: AWS SDK")]
    public int Ec2AwsSdk() => FormEncode(DescribeInstancesRequestMarshaller.Instance.Marshall(_ec2Request)).Length;

    [Benchmark(Description = "json BatchWriteItem 25: Stratus")]
    public int BatchStratus() => _batch.Protocol.SerializeRequest(_batch.Operation, _batchInput).Body.Length;

    [Benchmark(Description = "json BatchWriteItem 25: AWS SDK")]
    public long BatchAwsSdk()
    {
        var request = BatchWriteItemRequestMarshaller.Instance.Marshall(_batchRequest);
        return request.Content?.Length ?? request.ContentStream?.Length ?? throw new InvalidOperationException("no body");
    }
}
