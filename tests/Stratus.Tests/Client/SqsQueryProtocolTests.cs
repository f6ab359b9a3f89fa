using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Pipeline;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Client;

/// <summary>
/// <c>ClientOptions.Protocol = "query"</c> on SQS: the client loads SQS's query model (a protocol
/// variant), so requests and responses carry the query traits (flattened maps and lists, renamed members, result wrappers).
/// </summary>
public sealed class SqsQueryProtocolTests
{
    private const string Namespace = "http://queue.amazonaws.com/doc/2012-11-05/";
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/q";

    private static ServiceClient Connect(RecordingHandler handler, string? protocol = "query") => Aws.Connect("sqs", new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = new Uri("https://example.test"),
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        Protocol = protocol,
        Transport = handler,
        Retry = new RetryOptions { MaxAttempts = 1 },
    });

    [Fact]
    public void Forcing_query_loads_the_query_model()
    {
        using var query = Connect(new RecordingHandler());
        Assert.Equal("query", query.Protocol);
        Assert.Equal("query", query.Model.Metadata.Protocol);
        Assert.Equal("sqs", query.Model.Name);

        using var json = Connect(new RecordingHandler(), protocol: null);
        Assert.Equal("json", json.Protocol);
        Assert.Equal("json", json.Model.Metadata.Protocol);
    }

    [Fact]
    public async Task SendMessage_sends_MessageAttributes_as_a_flattened_Name_Value_map()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, $"""
            <SendMessageResponse xmlns="{Namespace}">
              <SendMessageResult>
                <MD5OfMessageBody>5d41402abc4b2a76b9719d911017c592</MD5OfMessageBody>
                <MD5OfMessageAttributes>3ae8f24a165a8cedc005670c81a27295</MD5OfMessageAttributes>
                <MessageId>5fea7756-0ea4-451a-a703-a558b933e274</MessageId>
              </SendMessageResult>
              <ResponseMetadata><RequestId>27daac76-34dd-47df-bd01-1f6e873584a0</RequestId></ResponseMetadata>
            </SendMessageResponse>
            """, "text/xml");
        using var sqs = Connect(handler);

        var result = await sqs.CallAsync("SendMessage", new JsonObject
        {
            ["QueueUrl"] = QueueUrl,
            ["MessageBody"] = "hello",
            ["MessageAttributes"] = new JsonObject
            {
                ["color"] = new JsonObject { ["StringValue"] = "blue", ["DataType"] = "String" },
            },
        });

        var (request, body) = handler.Requests.Single();
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.RequestUri!.AbsolutePath);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Amz-Target"));
        Assert.Equal(
            "Action=SendMessage&Version=2012-11-05"
            + "&QueueUrl=https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Fq&MessageBody=hello"
            + "&MessageAttribute.1.Name=color&MessageAttribute.1.Value.StringValue=blue&MessageAttribute.1.Value.DataType=String",
            Encoding.UTF8.GetString(body));

        Assert.Equal("5fea7756-0ea4-451a-a703-a558b933e274", (string?)result["MessageId"]);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", (string?)result["MD5OfMessageBody"]);
        Assert.Equal("3ae8f24a165a8cedc005670c81a27295", (string?)result["MD5OfMessageAttributes"]);
        Assert.Equal("27daac76-34dd-47df-bd01-1f6e873584a0", (string?)result["ResponseMetadata"]!["RequestId"]);
        Assert.Equal(200, (int)result["ResponseMetadata"]!["HTTPStatusCode"]!);
    }

    [Fact]
    public void ReceiveMessage_reads_flattened_Message_lists_and_Attribute_maps()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, $"""
            <ReceiveMessageResponse xmlns="{Namespace}">
              <ReceiveMessageResult>
                <Message>
                  <MessageId>m1</MessageId>
                  <ReceiptHandle>r1</ReceiptHandle>
                  <MD5OfBody>5d41402abc4b2a76b9719d911017c592</MD5OfBody>
                  <Body>hello</Body>
                  <Attribute><Name>SenderId</Name><Value>AIDAEXAMPLE</Value></Attribute>
                  <Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>
                  <MessageAttribute><Name>color</Name><Value><StringValue>blue</StringValue><DataType>String</DataType></Value></MessageAttribute>
                </Message>
                <Message>
                  <MessageId>m2</MessageId>
                  <ReceiptHandle>r2</ReceiptHandle>
                  <Body>world</Body>
                </Message>
              </ReceiveMessageResult>
              <ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata>
            </ReceiveMessageResponse>
            """, "text/xml");
        using var sqs = Connect(handler);

        var result = sqs.Call("ReceiveMessage", new JsonObject
        {
            ["QueueUrl"] = QueueUrl,
            ["AttributeNames"] = new JsonArray("All"),
            ["MessageAttributeNames"] = new JsonArray("color"),
            ["MaxNumberOfMessages"] = 2,
        });

        Assert.Equal(
            "Action=ReceiveMessage&Version=2012-11-05"
            + "&QueueUrl=https%3A%2F%2Fsqs.us-east-1.amazonaws.com%2F123456789012%2Fq"
            + "&AttributeName.1=All&MessageAttributeName.1=color&MaxNumberOfMessages=2",
            Encoding.UTF8.GetString(handler.Requests.Single().Body));
        var messages = result["Messages"]!.AsArray();
        Assert.Equal(["m1", "m2"], messages.Select(m => (string?)m!["MessageId"]));
        Assert.Equal("AIDAEXAMPLE", (string?)messages[0]!["Attributes"]!["SenderId"]);
        Assert.Equal("1", (string?)messages[0]!["Attributes"]!["ApproximateReceiveCount"]);
        Assert.Equal("blue", (string?)messages[0]!["MessageAttributes"]!["color"]!["StringValue"]);
        Assert.Equal("world", (string?)messages[1]!["Body"]);
    }

    [Fact]
    public async Task Query_errors_keep_their_SQS_codes()
    {
        var handler = new RecordingHandler().Respond(HttpStatusCode.BadRequest, """
            <ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/">
              <Error>
                <Type>Sender</Type>
                <Code>AWS.SimpleQueueService.NonExistentQueue</Code>
                <Message>The specified queue does not exist for this wsdl version.</Message>
                <Detail/>
              </Error>
              <RequestId>req-3</RequestId>
            </ErrorResponse>
            """, "text/xml");
        using var sqs = Connect(handler);

        var e = await Assert.ThrowsAsync<ServiceException>(() => sqs.CallAsync("GetQueueUrl", new JsonObject { ["QueueName"] = "nope" }));
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", e.ErrorCode);
        Assert.Equal(400, e.StatusCode);
        Assert.Equal("req-3", e.RequestId);
        Assert.Equal("Action=GetQueueUrl&Version=2012-11-05&QueueName=nope", Encoding.UTF8.GetString(handler.Requests.Single().Body));
    }
}
