using Amazon.Runtime.Internal.Transform;
using BenchmarkDotNet.Attributes;
using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;

namespace Stratus.Bench.Protocols;

/// <summary>
/// Parsing realistic responses from bytes in memory: Stratus (its protocol's ParseResponse into JsonObject),
/// the AWS SDK (its generated unmarshaller into typed objects) and the floor (hand-written XmlReader /
/// Utf8JsonReader into small records).
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly byte[] _list = S3Payloads.ListObjectsV2(Fixture.ListKeys);
    private readonly byte[] _instances = Ec2Payloads.DescribeInstances(Fixture.Instances);
    private readonly byte[] _query = DynamoDbPayloads.Query(Fixture.QueryItems);
    private readonly StratusOperation _s3 = new("s3", "ListObjectsV2");
    private readonly StratusOperation _ec2 = new("ec2", "DescribeInstances");
    private readonly StratusOperation _dynamodb = new("dynamodb", "Query");

    [Benchmark(Description = "rest-xml ListObjectsV2 1,000: floor")]
    public int ListFloor() => S3ListParser.Parse(new MemoryStream(_list), out _).Count;

    [Benchmark(Description = "rest-xml ListObjectsV2 1,000: Stratus")]
    public int ListStratus() => _s3.Protocol.ParseResponse(_s3.Operation, _s3.Response(_list, "application/xml"))["Contents"]!.AsArray().Count;

    [Benchmark(Description = "rest-xml ListObjectsV2 1,000: AWS SDK")]
    public int ListAwsSdk()
    {
        using var context = new XmlUnmarshallerContext(new MemoryStream(_list), false, Sdk(_list, "application/xml"), false);
        var response = (Amazon.S3.Model.ListObjectsV2Response)Amazon.S3.Model.Internal.MarshallTransformations.ListObjectsV2ResponseUnmarshaller.Instance.Unmarshall(context);
        return response.S3Objects.Count;
    }

    [Benchmark(Description = "ec2 DescribeInstances 500: floor")]
    public int DescribeFloor() => Ec2Parser.Parse(new MemoryStream(_instances)).Count;

    [Benchmark(Description = "ec2 DescribeInstances 500: Stratus")]
    public int DescribeStratus() => _ec2.Protocol.ParseResponse(_ec2.Operation, _ec2.Response(_instances, "text/xml;charset=UTF-8"))["Reservations"]!.AsArray().Count;

    [Benchmark(Description = "ec2 DescribeInstances 500: AWS SDK")]
    public int DescribeAwsSdk()
    {
        using var context = new EC2UnmarshallerContext(new MemoryStream(_instances), false, Sdk(_instances, "text/xml;charset=UTF-8"), false);
        var response = (Amazon.EC2.Model.DescribeInstancesResponse)Amazon.EC2.Model.Internal.MarshallTransformations.DescribeInstancesResponseUnmarshaller.Instance.Unmarshall(context);
        return response.Reservations.Count;
    }

    [Benchmark(Description = "json DynamoDB Query 100: floor")]
    public int QueryFloor() => DynamoDbParser.ParseItems(_query, out _).Count;

    [Benchmark(Description = "json DynamoDB Query 100: Stratus")]
    public int QueryStratus() => _dynamodb.Protocol.ParseResponse(_dynamodb.Operation, _dynamodb.Response(_query, "application/x-amz-json-1.0"))["Items"]!.AsArray().Count;

    [Benchmark(Description = "json DynamoDB Query 100: AWS SDK")]
    public int QueryAwsSdk()
    {
        using var context = new JsonUnmarshallerContext(new MemoryStream(_query), false, Sdk(_query, "application/x-amz-json-1.0"), false);
        var response = (Amazon.DynamoDBv2.Model.QueryResponse)Amazon.DynamoDBv2.Model.Internal.MarshallTransformations.QueryResponseUnmarshaller.Instance.Unmarshall(context);
        return response.Items.Count;
    }

    private static AwsSdkResponse Sdk(byte[] body, string contentType) =>
        new(body.Length, contentType, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = contentType });

}
