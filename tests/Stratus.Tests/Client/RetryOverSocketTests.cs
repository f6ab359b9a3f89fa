using System.Diagnostics;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Pipeline;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Client;

/// <summary>Retries and timeouts over a real loopback socket with injected faults.</summary>
public sealed class RetryOverSocketTests
{
    private static ServiceClient Connect(FaultServer server, int maxAttempts = 3, TimeSpan? readTimeout = null) => Aws.Connect("dynamodb", new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = server.Url,
        Credentials = new AwsCredentials("AKIDEXAMPLE", "secret"),
        Retry = new RetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(5) },
        Connection = new Stratus.Transport.ConnectionOptions { ReadTimeout = readTimeout ?? TimeSpan.FromSeconds(30) },
    });

    [Fact]
    public async Task ResetMidBodyIsRetried()
    {
        await using var server = new FaultServer().ResetMidBody().Respond(200, """{"TableNames":["t"]}""");
        using var ddb = Connect(server);
        var result = await ddb.CallAsync("ListTables");
        Assert.Equal("t", (string?)result["TableNames"]![0]);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ServiceUnavailableWithRetryAfterIsRetriedAfterTheDelay()
    {
        await using var server = new FaultServer()
            .Respond(503, """{"__type":"ServiceUnavailable","message":"busy"}""", headers: ("Retry-After", "1"))
            .Respond(500, """{"__type":"InternalServerError"}""")
            .Respond(200, """{"TableNames":[]}""");
        using var ddb = Connect(server);
        var watch = Stopwatch.StartNew();
        ddb.Call("ListTables");
        Assert.Equal(3, server.Requests);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"Retry-After was not honoured: {watch.Elapsed}");
    }

    [Fact]
    public async Task ThrottlingIsRetriedButValidationErrorsAreNot()
    {
        await using var server = new FaultServer()
            .Respond(400, """{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate exceeded"}""")
            .Respond(200, """{"TableNames":[]}""")
            .Respond(400, """{"__type":"com.amazon.coral.validate#ValidationException","message":"bad"}""");
        using var ddb = Connect(server);
        await ddb.CallAsync("ListTables");
        Assert.Equal(2, server.Requests);
        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("ListTables"));
        Assert.Equal("ValidationException", e.ErrorCode);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task StalledResponseTimesOutAndIsRetried()
    {
        await using var server = new FaultServer().Stall().Respond(200, """{"TableNames":[]}""");
        using var ddb = Connect(server, readTimeout: TimeSpan.FromMilliseconds(500));
        await ddb.CallAsync("ListTables");
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task CancellationEndsARetryLoopAtOnce()
    {
        await using var server = new FaultServer()
            .Respond(503, """{"__type":"ServiceUnavailable"}""", headers: ("Retry-After", "10"))
            .Respond(200, """{"TableNames":[]}""");
        using var ddb = Connect(server, maxAttempts: 5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ddb.CallAsync("ListTables", cancellationToken: cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {watch.Elapsed}");
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task NonReplayableBodyIsNotRetried()
    {
        await using var server = new FaultServer().Respond(500, "<Error><Code>InternalError</Code></Error>", "application/xml").Respond(200, "");
        using var s3 = Aws.Connect("s3", new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = server.Url,
            Credentials = new AwsCredentials("AKIDEXAMPLE", "secret"),
            Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5) },
        });
        using var body = new OneWayStream(new byte[] { 1, 2, 3 });
        var e = await Assert.ThrowsAsync<ServiceException>(() => s3.CallAsync("PutObject", new JsonObject
        {
            ["Bucket"] = "b",
            ["Key"] = "k",
            ["Body"] = Stratus.Protocols.NativeValues.Stream(body),
            ["ContentLength"] = 3,
        }));
        Assert.True(e.IsRetryable);
        Assert.Equal(1, server.Requests);
    }

    /// <summary>A stream that can be read once and not rewound, like a network stream.</summary>
    private sealed class OneWayStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
