using System.Text;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Tests.Protocols;

public sealed class JsonProtocolTests
{
    private const string QueryCompatible = """
        {"protocol": "json", "jsonVersion": "1.0", "targetPrefix": "AmazonSQS", "awsQueryCompatible": {}}
        """;

    private const string Shapes = """
        {"In": {"type": "structure", "members": {"When": {"shape": "T"}, "Data": {"shape": "B"}, "Size": {"shape": "I"}}},
         "QueueDoesNotExist": {"type": "structure", "exception": true, "members": {"message": {"shape": "S"}},
                               "error": {"code": "AWS.SimpleQueueService.NonExistentQueue", "httpStatusCode": 400, "senderFault": true}},
         "T": {"type": "timestamp"}, "B": {"type": "blob"}, "S": {"type": "string"}, "I": {"type": "integer"}}
        """;

    private static readonly Stratus.Models.OperationModel Op = ModelBuilder.Operation(
        QueryCompatible, Shapes, """{"http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "In"}, "errors": [{"shape": "QueueDoesNotExist"}]}""");

    [Fact]
    public void QueryCompatibleHeaderOverridesTheErrorCode()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["x-amzn-query-error"] = "AWS.SimpleQueueService.NonExistentQueue;Sender",
        };
        var body = """{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "no such queue"}""";

        var error = ProtocolRegistry.For(Op.Service).ParseError(Op, new RawResponse(400, headers, Encoding.UTF8.GetBytes(body)));

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.Code);
        Assert.Equal("no such queue", error.Message);
        Assert.Equal("QueueDoesNotExist", error.Shape?.Name);
        Assert.Equal("no such queue", error.Document["message"]!.GetValue<string>());
    }

    [Fact]
    public void RequestUsesTargetHeaderEpochSecondsAndBase64AndTakesClrNumbers()
    {
        var input = new JsonObject
        {
            ["When"] = NativeValues.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(1_500_000_000_250)),
            ["Data"] = NativeValues.Blob([1, 2, 3]),
            ["Size"] = (short)7,
        };

        var request = ProtocolRegistry.For(Op.Service).SerializeRequest(Op, input);

        Assert.Equal("AmazonSQS.Op", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", request.Headers["Content-Type"]);
        Assert.Equal("true", request.Headers["x-amzn-query-mode"]);
        var body = JsonNode.Parse(request.Body.Span)!;
        Assert.Equal(1_500_000_000.25, body["When"]!.GetValue<double>());
        Assert.Equal("AQID", body["Data"]!.GetValue<string>());
        Assert.Equal(7, body["Size"]!.GetValue<int>());
    }

    [Fact]
    public void UnmodeledErrorKeepsCodeAndMessage()
    {
        var error = ProtocolRegistry.For(Op.Service).ParseError(
            Op, new RawResponse(500, new Dictionary<string, string>(), Encoding.UTF8.GetBytes("""{"__type": "ns#Boom", "Message": "kaput"}""")));

        Assert.Equal("Boom", error.Code);
        Assert.Equal("kaput", error.Message);
        Assert.Null(error.Shape);
    }
}
