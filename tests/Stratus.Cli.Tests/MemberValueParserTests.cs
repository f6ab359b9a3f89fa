using System.Text;
using System.Text.Json.Nodes;
using Stratus.Cli.Input;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Cli.Tests;

/// <summary>Member values from command-line tokens, by shape, on the real models.</summary>
public sealed class MemberValueParserTests
{
    private static readonly MemberValueParser Parser = new(BinaryFormat.RawInBase64Out);

    private static Shape Member(string service, string operation, string member) =>
        ModelLoader.Default.LoadService(service).GetOperation(operation).Input!.Members[member];

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual?.ToJsonString() ?? "null");

    [Fact]
    public void ListOfScalarsTakesSpaceSeparatedValuesOrJson()
    {
        var shape = Member("ec2", "DescribeKeyPairs", "KeyNames");
        AssertJson("""["a","b"]""", Parser.Parse(shape, ["a", "b"], "--key-names"));
        AssertJson("""["a,b"]""", Parser.Parse(shape, ["a,b"], "--key-names"));
        AssertJson("""["x","y"]""", Parser.Parse(shape, ["""["x", "y"]"""], "--key-names"));
    }

    [Fact]
    public void ListOfStructuresTakesShorthandPerValueOrJson()
    {
        var shape = Member("ec2", "DescribeKeyPairs", "Filters");
        AssertJson("""[{"Name":"key-name","Values":["a","b"]},{"Name":"tag:env","Values":["dev"]}]""",
            Parser.Parse(shape, ["Name=key-name,Values=a,b", "Name=tag:env,Values=dev"], "--filters"));
        AssertJson("""[{"Name":"n","Values":["v"]}]""", Parser.Parse(shape, ["""[{"Name":"n","Values":["v"]}]"""], "--filters"));
        AssertJson("""[{"Name":"n","Values":["v"]},{"Name":"m","Values":["w"]}]""", Parser.Parse(shape, ["""{"Name":"n","Values":["v"]}""", """{"Name":"m","Values":["w"]}"""], "--filters"));
    }

    [Fact]
    public void NestedShorthandGetsTypesFromTheModel()
    {
        var shape = Member("ec2", "RunInstances", "BlockDeviceMappings");
        var parsed = Parser.Parse(shape, ["DeviceName=/dev/sda1,Ebs={VolumeSize=20,DeleteOnTermination=true,VolumeType=gp3}"], "--block-device-mappings");
        var ebs = parsed![0]!["Ebs"]!;
        Assert.Equal(20L, ebs["VolumeSize"]!.GetValue<long>());
        Assert.True(ebs["DeleteOnTermination"]!.GetValue<bool>());
        Assert.Equal("gp3", ebs["VolumeType"]!.GetValue<string>());
        var tags = Parser.Parse(Member("ec2", "RunInstances", "TagSpecifications"), ["ResourceType=instance,Tags=[{Key=Name,Value=web}]"], "--tag-specifications");
        AssertJson("""[{"ResourceType":"instance","Tags":[{"Key":"Name","Value":"web"}]}]""", tags);
    }

    [Fact]
    public void ScalarsByType()
    {
        Assert.Equal(3L, Parser.Parse(Member("ec2", "RunInstances", "MinCount"), ["3"], "--min-count")!.GetValue<long>());
        var error = Assert.Throws<ParamException>(() => Parser.Parse(Member("ec2", "RunInstances", "MinCount"), ["three"], "--min-count"));
        Assert.Equal("Error parsing parameter '--min-count': invalid integer: 'three'", error.Message);
        var time = Parser.Parse(Member("ec2", "DescribeSpotPriceHistory", "StartTime"), ["2024-01-31T12:00:00Z"], "--start-time");
        Assert.True(NativeValues.TryGetTimestamp(time, out var t));
        Assert.Equal(new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.Zero), t);
        var epoch = Parser.Parse(Member("ec2", "DescribeSpotPriceHistory", "StartTime"), ["1706702400"], "--start-time");
        Assert.True(NativeValues.TryGetTimestamp(epoch, out var e));
        Assert.Equal(t, e);
        Assert.Throws<ParamException>(() => Parser.Parse(Member("ec2", "DescribeSpotPriceHistory", "StartTime"), ["yesterday"], "--start-time"));
    }

    [Fact]
    public void MapsTakeShorthandOrJson()
    {
        var shape = Member("sqs", "CreateQueue", "Attributes");
        AssertJson("""{"VisibilityTimeout":"40","DelaySeconds":"1"}""", Parser.Parse(shape, ["VisibilityTimeout=40,DelaySeconds=1"], "--attributes"));
        AssertJson("""{"Policy":"{}"}""", Parser.Parse(shape, ["""{"Policy":"{}"}"""], "--attributes"));
    }

    [Fact]
    public void AStructureWithOnlyAValueTakesTheBareValue()
    {
        var shape = Member("ec2", "ModifyInstanceAttribute", "InstanceType");
        AssertJson("""{"Value":"t3.micro"}""", Parser.Parse(shape, ["t3.micro"], "--instance-type"));
        AssertJson("""{"Value":"t3.small"}""", Parser.Parse(shape, ["Value=t3.small"], "--instance-type"));
    }

    [Fact]
    public void BlobsAreTextAsUtf8OrFileBytes()
    {
        var shape = Member("kms", "Encrypt", "Plaintext");
        Assert.True(NativeValues.TryGetBytes(Parser.Parse(shape, ["héllo"], "--plaintext"), out var raw));
        Assert.Equal(Encoding.UTF8.GetBytes("héllo"), raw);
        var base64 = new MemberValueParser(BinaryFormat.Base64).Parse(shape, ["aGk="], "--plaintext");
        Assert.True(NativeValues.TryGetBytes(base64, out var decoded));
        Assert.Equal("hi"u8.ToArray(), decoded);
        Assert.Throws<ParamException>(() => new MemberValueParser(BinaryFormat.Base64).Parse(shape, ["not base64!"], "--plaintext"));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0, 1, 2, 255]);
            Assert.True(NativeValues.TryGetBytes(Parser.Parse(shape, ["fileb://" + path], "--plaintext"), out var bytes));
            Assert.Equal(new byte[] { 0, 1, 2, 255 }, bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FileUrlsGiveTextForAnyMember()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Name=key-name,Values=a");
            AssertJson("""[{"Name":"key-name","Values":["a"]}]""", Parser.Parse(Member("ec2", "DescribeKeyPairs", "Filters"), ["file://" + path], "--filters"));
            File.WriteAllText(path, "from-a-file");
            AssertJson("\"from-a-file\"", Parser.Parse(Member("ec2", "CreateKeyPair", "KeyName"), ["file://" + path], "--key-name"));
        }
        finally
        {
            File.Delete(path);
        }
        var missing = Assert.Throws<ParamException>(() => Parser.Parse(Member("ec2", "CreateKeyPair", "KeyName"), ["file:///no/such/file"], "--key-name"));
        Assert.StartsWith("Error parsing parameter '--key-name': Unable to load paramfile file:///no/such/file", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StreamingBlobsAreFilePaths()
    {
        var shape = Member("s3", "PutObject", "Body");
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "body");
            Assert.True(NativeValues.TryGetStream(Parser.Parse(shape, [path], "--body"), out var stream));
            stream.Dispose();
        }
        finally
        {
            File.Delete(path);
        }
        var error = Assert.Throws<ParamException>(() => Parser.Parse(shape, ["/no/such/file"], "--body"));
        Assert.Contains("Blob values must be a path to a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadShorthandAndJsonNameTheOption()
    {
        var shape = Member("ec2", "DescribeKeyPairs", "Filters");
        var shorthand = Assert.Throws<ParamException>(() => Parser.Parse(shape, ["Name"], "--filters"));
        Assert.StartsWith("Error parsing parameter '--filters': expected '='", shorthand.Message, StringComparison.Ordinal);
        var json = Assert.Throws<ParamException>(() => Parser.Parse(shape, ["[{\"Name\":"], "--filters"));
        Assert.StartsWith("Error parsing parameter '--filters': Invalid JSON", json.Message, StringComparison.Ordinal);
    }
}
