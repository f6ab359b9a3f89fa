using System.Text;
using System.Text.Json.Nodes;
using Stratus.Conformance;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>The rest-json server protocol on the bundled Lambda model and on small hand-made ones, against the client side.</summary>
public sealed class RestJsonServerProtocolTests
{
    private static readonly ServiceModel Lambda = ModelLoader.Default.LoadService("lambda");
    private static readonly IServerProtocol Server = ServerProtocolRegistry.For(Lambda).First();

    [Fact]
    public void LambdaInvokeParsesBackWithLabelQueryHeadersAndBlobPayload()
    {
        var operation = Lambda.GetOperation("Invoke");
        var input = new JsonObject
        {
            ["FunctionName"] = "my-function",
            ["InvocationType"] = "RequestResponse",
            ["LogType"] = "Tail",
            ["ClientContext"] = "e30=",
            ["Payload"] = NativeValues.Blob(Encoding.UTF8.GetBytes("{\"x\": 1}")),
            ["Qualifier"] = "v 1",
        };
        var request = WireRequests.ToServer(ProtocolRegistry.For(Lambda).SerializeRequest(operation, input));

        var found = Server.FindOperation(Lambda, request);
        var parsed = Server.ParseRequest(found!, request);

        Assert.Same(operation, found);
        Assert.Null(ValueComparer.Diff("input", ValueComparer.Normalize(input), parsed));
    }

    [Fact]
    public void LambdaInvokeOutputSetsStatusHeadersAndPayload()
    {
        var operation = Lambda.GetOperation("Invoke");
        var output = new JsonObject
        {
            ["StatusCode"] = 202,
            ["FunctionError"] = "Unhandled",
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = NativeValues.Blob(Encoding.UTF8.GetBytes("{\"ok\": true}")),
        };

        var response = Server.SerializeResponse(operation, output);
        var parsed = ProtocolRegistry.For(Lambda).ParseResponse(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers["X-Amz-Function-Error"]);
        parsed.Remove("ResponseMetadata");
        Assert.Null(ValueComparer.Diff("output", ValueComparer.Normalize(output), parsed));
    }

    [Fact]
    public void ErrorHasTheTypeHeaderModeledStatusMessageMemberAndHeaderFields()
    {
        var operation = Lambda.GetOperation("GetFunction");
        var error = new ServiceError("TooManyRequestsException", "Rate exceeded", 400, new JsonObject { ["retryAfterSeconds"] = "5", ["Reason"] = "CallerRateLimitExceeded" });

        var response = Server.SerializeError(Lambda, operation, error);
        var parsed = ProtocolRegistry.For(Lambda).ParseError(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("TooManyRequestsException", response.Headers["X-Amzn-Errortype"]);
        Assert.Equal("5", response.Headers["Retry-After"]);
        Assert.True(response.Headers.ContainsKey("x-amzn-RequestId"));
        Assert.Equal("Rate exceeded", JsonNode.Parse(response.Body.Span)!["message"]!.GetValue<string>());
        Assert.Equal("TooManyRequestsException", parsed.Code);
        Assert.Equal("Rate exceeded", parsed.Message);
        Assert.Equal("5", parsed.Document["retryAfterSeconds"]!.GetValue<string>());
        Assert.Equal("CallerRateLimitExceeded", parsed.Document["Reason"]!.GetValue<string>());
    }

    [Fact]
    public void ErrorMessageGoesInTheModeledMessageMember()
    {
        var operation = Lambda.GetOperation("GetFunction");

        var response = Server.SerializeError(Lambda, operation, new ServiceError("ResourceNotFoundException", "Function not found", 400));
        var parsed = ProtocolRegistry.For(Lambda).ParseError(operation, WireRequests.ToRaw(response, streams: false));

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("Function not found", JsonNode.Parse(response.Body.Span)!["Message"]!.GetValue<string>());
        Assert.Equal("ResourceNotFoundException", parsed.Code);
        Assert.Equal("Function not found", parsed.Message);
    }

    [Fact]
    public void StreamingPayloadPassesThroughBothWays()
    {
        var operation = StreamingOperation();
        using var body = new MemoryStream([1, 2, 3]);
        var request = new ServerRequest { Method = "PUT", Path = "/objects/a%2Fb", BodyStream = body };

        var input = ServerFor(operation).ParseRequest(operation, request);
        Assert.Equal("a/b", input["Key"]!.GetValue<string>());
        Assert.True(NativeValues.TryGetStream(input["Body"], out var stream));
        Assert.Same(body, stream);

        using var outBody = new MemoryStream([4, 5]);
        var response = ServerFor(operation).SerializeResponse(operation, new JsonObject { ["Data"] = NativeValues.Stream(outBody), ["Size"] = 2 });
        Assert.Same(outBody, response.BodyStream);
        Assert.Equal("2", response.Headers["x-size"]);
    }

    [Theory]
    [InlineData("/objects/a", "{\"Count\": ", "")]
    [InlineData("/objects/a", "[1]", "")]
    [InlineData("/objects/a", "{}", "x-count=notanumber")]
    public void UnreadableRequestIsASerializationException(string path, string body, string header)
    {
        var operation = ModelBuilder.Operation(
            """{"protocol": "rest-json"}""",
            """
            {"In": {"type": "structure", "members": {"Key": {"shape": "S", "location": "uri", "locationName": "Key"},
               "Count": {"shape": "I"}, "Header": {"shape": "I", "location": "header", "locationName": "x-count"}}},
             "S": {"type": "string"}, "I": {"type": "integer"}}
            """,
            """{"http": {"method": "POST", "requestUri": "/objects/{Key}"}, "input": {"shape": "In"}}""");
        var request = new ServerRequest { Method = "POST", Path = path, Body = Encoding.UTF8.GetBytes(body) };
        if (header.Length > 0)
        {
            request.Headers[header.Split('=')[0]] = header.Split('=')[1];
        }

        var e = Assert.Throws<ProtocolReadException>(() => ServerFor(operation).ParseRequest(operation, request));

        Assert.Equal("SerializationException", e.Code);
    }

    private static IServerProtocol ServerFor(OperationModel operation) => ServerProtocolRegistry.For(operation.Service).First();

    private static OperationModel StreamingOperation() => ModelBuilder.Operation(
        """{"protocol": "rest-json"}""",
        """
        {"In": {"type": "structure", "members": {"Key": {"shape": "S", "location": "uri", "locationName": "Key"}, "Body": {"shape": "Stream"}}, "payload": "Body"},
         "Out": {"type": "structure", "members": {"Size": {"shape": "L", "location": "header", "locationName": "x-size"}, "Data": {"shape": "Stream"}}, "payload": "Data"},
         "S": {"type": "string"}, "L": {"type": "long"}, "Stream": {"type": "blob", "streaming": true}}
        """,
        """{"http": {"method": "PUT", "requestUri": "/objects/{Key+}"}, "input": {"shape": "In"}, "output": {"shape": "Out"}}""");
}
