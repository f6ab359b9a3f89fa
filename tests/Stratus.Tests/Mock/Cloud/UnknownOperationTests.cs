using System.Text;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Mock.Cloud;

/// <summary>A request naming no operation of its service: the protocol finds none (null), the mock cloud answers as AWS does.</summary>
public sealed class UnknownOperationTests
{
    [Fact]
    public async Task UnknownQueryActionIsInvalidAction400NamingIt()
    {
        var response = await Handle("sts", new ServerRequest
        {
            Method = "POST",
            Host = "sts.amazonaws.com",
            Headers = { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Body = "Action=LaunchRockets&Version=2011-06-15"u8.ToArray(),
        });

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("<Code>InvalidAction</Code><Message>The action LaunchRockets is not valid for this web service.</Message>", Text(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownJsonTargetIsUnknownOperationException()
    {
        var response = await Handle("dynamodb", new ServerRequest
        {
            Method = "POST",
            Host = "dynamodb.us-east-1.amazonaws.com",
            Headers = { ["Content-Type"] = "application/x-amz-json-1.0", ["X-Amz-Target"] = "DynamoDB_20120810.LaunchRockets" },
            Body = "{}"u8.ToArray(),
        });

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("UnknownOperationException", Text(response), StringComparison.Ordinal);
    }

    private static async Task<ServerResponse> Handle(string service, ServerRequest request)
    {
        await using var cloud = new MockCloud(new MockCloudOptions { VerifySignatures = false }, builtInServices: false);
        cloud.AddService(new NoOperations(service));
        return await cloud.HandleAsync(request, new Uri("http://localhost/"));
    }

    private static string Text(ServerResponse response) => Encoding.UTF8.GetString(response.Body.Span);

    private sealed class NoOperations(string name) : MockService
    {
        public override string Name => name;
    }
}
