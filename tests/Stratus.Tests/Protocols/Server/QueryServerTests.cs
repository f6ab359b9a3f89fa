using System.Text.Json.Nodes;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>The query server side against the bundled STS model, through the query client.</summary>
public sealed class QueryServerTests
{
    private readonly ServerTestKit _sts = new("sts");

    [Fact]
    public void AssumeRole_parses_back()
    {
        var sent = new JsonObject
        {
            ["RoleArn"] = "arn:aws:iam::123456789012:role/r",
            ["RoleSessionName"] = "s p&ce",
            ["DurationSeconds"] = 900,
            ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "team", ["Value"] = "a=b" }),
            ["PolicyArns"] = new JsonArray(new JsonObject { ["arn"] = "arn:aws:iam::aws:policy/ReadOnlyAccess" }),
        };
        ServerTestKit.AssertSame(sent, _sts.Receive(_sts.Send("AssumeRole", (JsonObject)sent.DeepClone()), "AssumeRole"));
    }

    [Fact]
    public void Action_in_a_GET_query_string_is_found()
    {
        var request = new ServerRequest
        {
            Method = "GET",
            Query = [new("Action", "GetCallerIdentity"), new("Version", "2011-06-15")],
        };
        Assert.Empty(_sts.Receive(request, "GetCallerIdentity"));
    }

    [Fact]
    public void GetCallerIdentity_result_parses_on_the_client_into_the_same_data()
    {
        var output = new JsonObject { ["UserId"] = "AIDA", ["Account"] = "123456789012", ["Arn"] = "arn:aws:iam::123456789012:user/u" };
        var (response, result) = _sts.Answer("GetCallerIdentity", (JsonObject)output.DeepClone());
        ServerTestKit.AssertSame(output, result);
        Assert.StartsWith(
            $"<GetCallerIdentityResponse xmlns=\"{_sts.Model.Metadata.XmlNamespace}\"><GetCallerIdentityResult><UserId>AIDA</UserId>",
            ServerTestKit.Text(response), StringComparison.Ordinal);
        Assert.Contains("<ResponseMetadata><RequestId>", ServerTestKit.Text(response), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_written_by_the_server_parses_on_the_client()
    {
        var op = _sts.Operation("AssumeRole");
        var response = _sts.Server.SerializeError(_sts.Model, op, new ServiceError("AccessDenied", "Not authorized", 403));
        Assert.Equal(403, response.StatusCode);
        Assert.Contains("<Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized</Message></Error>", ServerTestKit.Text(response), StringComparison.Ordinal);
        var error = _sts.Client.ParseError(op, WireRequests.ToRaw(response, streams: false));
        Assert.Equal("AccessDenied", error.Code);
        Assert.Equal("Not authorized", error.Message);
    }

    [Fact]
    public void Unknown_action_and_no_action_find_no_operation()
    {
        Assert.Null(_sts.Server.FindOperation(_sts.Model, ServerTestKit.Raw("POST", "/", "Action=Nope&Version=2011-06-15")));
        Assert.Null(_sts.Server.FindOperation(_sts.Model, ServerTestKit.Raw("POST", "/", "Action=assume_role&Version=2011-06-15")));
        Assert.Null(_sts.Server.FindOperation(_sts.Model, ServerTestKit.Raw("POST", "/", "{}")));
        var json = ServerTestKit.Raw("POST", "/", """{"Action": "100%"}""");
        json.Headers["Content-Type"] = "application/x-amz-json-1.1";
        Assert.Null(_sts.Server.FindOperation(_sts.Model, json));
    }

    [Fact]
    public void Malformed_form_is_MalformedQueryString()
    {
        var e = Assert.Throws<ProtocolReadException>(() => _sts.Server.FindOperation(_sts.Model, ServerTestKit.Raw("POST", "/", "Action=GetCallerIdentity&X=%zz")));
        Assert.Equal("MalformedQueryString", e.Code);
    }

    [Fact]
    public void Bad_value_is_InvalidParameterValue()
    {
        var request = ServerTestKit.Raw("POST", "/", "Action=AssumeRole&Version=2011-06-15&RoleArn=a&RoleSessionName=s&DurationSeconds=soon");
        var e = Assert.Throws<ProtocolReadException>(() => _sts.Receive(request, "AssumeRole"));
        Assert.Equal("InvalidParameterValue", e.Code);
    }
}
