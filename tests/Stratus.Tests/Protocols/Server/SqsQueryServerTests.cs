using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Tests.Protocols.Server;

/// <summary>
/// The query server side on SQS's older query-protocol model (Debian's python3-botocore, as the SQS live test
/// uses): flattened maps and lists under the model's names (<c>Attribute.N.Name</c>, <c>MessageAttribute.N.Value.StringValue</c>).
/// </summary>
public sealed class SqsQueryServerTests
{
    private const string DebianBotocoreData = "/usr/lib/python3/dist-packages/botocore/data";

    [DebianSqsModelFact]
    public void CreateQueue_and_SendMessage_attributes_parse_back()
    {
        var (model, client, server) = Load();
        var create = new JsonObject { ["QueueName"] = "q", ["Attributes"] = new JsonObject { ["VisibilityTimeout"] = "30", ["DelaySeconds"] = "5" } };
        var request = WireRequests.ToServer(client.SerializeRequest(model.GetOperation("CreateQueue"), (JsonObject)create.DeepClone()));
        Assert.Contains("Attribute.1.Name=VisibilityTimeout", System.Text.Encoding.UTF8.GetString(request.Body.Span), StringComparison.Ordinal);
        ServerTestKit.AssertSame(create, server.ParseRequest(server.FindOperation(model, request)!, request));

        var send = new JsonObject
        {
            ["QueueUrl"] = "http://localhost/123/q",
            ["MessageBody"] = "hi",
            ["MessageAttributes"] = new JsonObject { ["color"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "blue" } },
        };
        request = WireRequests.ToServer(client.SerializeRequest(model.GetOperation("SendMessage"), (JsonObject)send.DeepClone()));
        ServerTestKit.AssertSame(send, server.ParseRequest(server.FindOperation(model, request)!, request));
    }

    [DebianSqsModelFact]
    public void ReceiveMessage_result_parses_on_the_client_into_the_same_data()
    {
        var (model, client, server) = Load();
        var op = model.GetOperation("ReceiveMessage");
        var output = new JsonObject
        {
            ["Messages"] = new JsonArray(new JsonObject
            {
                ["MessageId"] = "m1",
                ["ReceiptHandle"] = "r1",
                ["Body"] = "hi <there>",
                ["Attributes"] = new JsonObject { ["SentTimestamp"] = "1700000000000" },
            }),
        };
        var response = server.SerializeResponse(op, (JsonObject)output.DeepClone());
        var result = client.ParseResponse(op, WireRequests.ToRaw(response, streams: false));
        result.Remove("ResponseMetadata");
        ServerTestKit.AssertSame(output, result);
    }

    private static (ServiceModel, IWireProtocol, IServerProtocol) Load()
    {
        var model = new ModelLoader([DebianBotocoreData], includeEnvironment: false).LoadService("sqs");
        Assert.Equal("query", model.Metadata.Protocol);
        return (model, ProtocolRegistry.Create("query", model.Metadata), ServerProtocolRegistry.Create("query", model.Metadata));
    }

    /// <summary>Skipped when Debian's python3-botocore (with the query-protocol SQS model) is not installed.</summary>
    private sealed class DebianSqsModelFactAttribute : FactAttribute
    {
        public DebianSqsModelFactAttribute()
        {
            if (!Directory.Exists(Path.Combine(DebianBotocoreData, "sqs")))
            {
                Skip = $"{DebianBotocoreData}/sqs is absent (apt-get install python3-botocore)";
            }
        }
    }
}
