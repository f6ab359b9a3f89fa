using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>The ec2 server side against the bundled EC2 model, through the ec2 client.</summary>
public sealed class Ec2ServerTests
{
    private readonly ServerTestKit _ec2 = new("ec2");

    [Fact]
    public void DescribeKeyPairs_with_names_and_filters_parses_back()
    {
        var sent = new JsonObject
        {
            ["KeyNames"] = new JsonArray("a", "b"),
            ["Filters"] = new JsonArray(new JsonObject { ["Name"] = "key-name", ["Values"] = new JsonArray("x", "y") }),
        };
        var request = _ec2.Send("DescribeKeyPairs", (JsonObject)sent.DeepClone());
        var form = System.Text.Encoding.UTF8.GetString(request.Body.Span);
        Assert.Contains("KeyName.1=a", form, StringComparison.Ordinal);
        Assert.Contains("Filter.1.Value.2=y", form, StringComparison.Ordinal);
        ServerTestKit.AssertSame(sent, _ec2.Receive(request, "DescribeKeyPairs"));
    }

    [Fact]
    public void DescribeInstances_result_parses_on_the_client_into_the_same_data()
    {
        var output = new JsonObject
        {
            ["Reservations"] = new JsonArray(new JsonObject
            {
                ["ReservationId"] = "r-1",
                ["OwnerId"] = "123456789012",
                ["Instances"] = new JsonArray(new JsonObject
                {
                    ["InstanceId"] = "i-1",
                    ["InstanceType"] = "t3.micro",
                    ["LaunchTime"] = NativeValues.Timestamp(new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero)),
                    ["State"] = new JsonObject { ["Code"] = 16, ["Name"] = "running" },
                    ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "Name", ["Value"] = "web" }),
                }),
            }),
        };
        var (response, result) = _ec2.Answer("DescribeInstances", (JsonObject)output.DeepClone());
        ServerTestKit.AssertSame(output, result);
        var text = ServerTestKit.Text(response);
        Assert.Contains($"<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/{_ec2.Model.Metadata.ApiVersion}/\"><requestId>", text, StringComparison.Ordinal);
        Assert.Contains("<reservationSet><item><reservationId>r-1</reservationId>", text, StringComparison.Ordinal);
        Assert.Contains("<tagSet><item><key>Name</key><value>web</value></item></tagSet>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_written_by_the_server_parses_on_the_client()
    {
        var op = _ec2.Operation("DescribeKeyPairs");
        var response = _ec2.Server.SerializeError(_ec2.Model, op, new ServiceError("InvalidKeyPair.NotFound", "The key pair 'x' does not exist", 400));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>InvalidKeyPair.NotFound</Code>", ServerTestKit.Text(response), StringComparison.Ordinal);
        var error = _ec2.Client.ParseError(op, WireRequests.ToRaw(response, streams: false));
        Assert.Equal("InvalidKeyPair.NotFound", error.Code);
        Assert.Equal("The key pair 'x' does not exist", error.Message);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public void Bad_value_is_InvalidParameterValue()
    {
        var request = ServerTestKit.Raw("POST", "/", "Action=DescribeInstances&Version=2016-11-15&MaxResults=lots");
        var e = Assert.Throws<ProtocolReadException>(() => _ec2.Receive(request, "DescribeInstances"));
        Assert.Equal("InvalidParameterValue", e.Code);
    }
}
