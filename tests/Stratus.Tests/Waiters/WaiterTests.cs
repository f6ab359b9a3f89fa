using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Tests.TestSupport;
using Stratus.Waiters;

namespace Stratus.Tests.Waiters;

/// <summary>Waiters against an in-memory DynamoDB and EC2 (canned answers), sync and async.</summary>
public sealed class WaiterTests
{
    private static readonly WaiterOptions Fast = new() { Delay = TimeSpan.FromMilliseconds(5) };

    private static ServiceClient Connect(string service, HttpMessageHandler handler) => Aws.Connect(service, new ClientOptions
    {
        Region = "us-east-1",
        EndpointUrl = new Uri("https://example.test"),
        Credentials = new AwsCredentials("AKID", "secret"),
        Transport = handler,
        Retry = new Stratus.Pipeline.RetryOptions { MaxAttempts = 1 },
    });

    private static HttpResponseMessage Table(string status) => FuncHandler.Answer(HttpStatusCode.OK, $$$"""{"Table":{"TableName":"t","TableStatus":"{{{status}}}"}}""");

    private static HttpResponseMessage NotFound() => FuncHandler.Answer(HttpStatusCode.BadRequest,
        """{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TableExists_retries_on_not_found_then_succeeds(bool async)
    {
        var handler = new FuncHandler((_, n) => n switch { 1 => NotFound(), 2 => Table("CREATING"), _ => Table("ACTIVE") });
        using var ddb = Connect("dynamodb", handler);
        var input = new JsonObject { ["TableName"] = "t" };
        var result = async ? await ddb.WaitAsync("TableExists", input, Fast) : ddb.Wait("table_exists", input, Fast);
        Assert.Equal("ACTIVE", (string?)result["Table"]!["TableStatus"]);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public void Defaults_come_from_the_definition()
    {
        using var ddb = Connect("dynamodb", new FuncHandler((_, _) => Table("ACTIVE")));
        var waiter = ddb.Waiters["TableExists"];
        Assert.Equal("DescribeTable", waiter.Operation);
        Assert.Equal(TimeSpan.FromSeconds(20), waiter.Delay);
        Assert.Equal(25, waiter.MaxAttempts);
        Assert.Equal(WaiterMatcher.Path, waiter.Acceptors[0].Matcher);
        Assert.Equal(WaiterMatcher.Error, waiter.Acceptors[1].Matcher);
    }

    [Fact]
    public async Task A_failure_acceptor_fails_at_once()
    {
        const string Terminated = """
            <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>
            <reservationSet><item><reservationId>r-1</reservationId><instancesSet><item><instanceId>i-1</instanceId>
            <instanceState><code>48</code><name>terminated</name></instanceState></item></instancesSet></item></reservationSet>
            </DescribeInstancesResponse>
            """;
        var handler = new FuncHandler((_, _) => FuncHandler.Answer(HttpStatusCode.OK, Terminated, "text/xml"));
        using var ec2 = Connect("ec2", handler);
        var e = await Assert.ThrowsAsync<WaiterException>(() => ec2.WaitAsync("InstanceRunning", new JsonObject { ["InstanceIds"] = new JsonArray("i-1") }, Fast));
        Assert.Equal(1, handler.Count);
        Assert.Equal(1, e.Attempts);
        Assert.Equal("InstanceRunning", e.WaiterName);
        Assert.Equal(WaiterState.Failure, e.LastState);
        Assert.Contains("terminated", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<StratusException>(e);
    }

    [Fact]
    public async Task An_unexpected_error_fails()
    {
        var handler = new FuncHandler((_, _) => FuncHandler.Answer(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.dynamodb.v20120810#ValidationException","message":"bad"}"""));
        using var ddb = Connect("dynamodb", handler);
        var e = await Assert.ThrowsAsync<WaiterException>(() => ddb.WaitAsync("TableExists", new JsonObject { ["TableName"] = "t" }, Fast));
        Assert.Equal("ValidationException", e.LastError!.ErrorCode);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task Max_attempts_end_the_wait()
    {
        var handler = new FuncHandler((_, _) => Table("CREATING"));
        using var ddb = Connect("dynamodb", handler);
        var e = await Assert.ThrowsAsync<WaiterException>(() => ddb.WaitAsync("TableExists", new JsonObject { ["TableName"] = "t" }, Fast with { MaxAttempts = 3 }));
        Assert.Equal(3, handler.Count);
        Assert.Equal(3, e.Attempts);
        Assert.Contains("max attempts (3)", e.Reason, StringComparison.Ordinal);
        Assert.Equal("CREATING", (string?)e.LastResponse!["Table"]!["TableStatus"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_timeout_ends_the_wait(bool async)
    {
        using var ddb = Connect("dynamodb", new FuncHandler((_, _) => Table("CREATING")));
        var options = new WaiterOptions { Delay = TimeSpan.FromMilliseconds(20), MaxAttempts = 1000, Timeout = TimeSpan.FromMilliseconds(200) };
        var input = new JsonObject { ["TableName"] = "t" };
        var watch = Stopwatch.StartNew();
        var e = async
            ? await Assert.ThrowsAsync<WaiterException>(() => ddb.WaitAsync("TableExists", input, options))
            : Assert.Throws<WaiterException>(() => ddb.Wait("TableExists", input, options));
        Assert.Contains("timed out", e.Reason, StringComparison.Ordinal);
        Assert.True(e.Attempts > 1);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_at_once()
    {
        using var ddb = Connect("dynamodb", new FuncHandler((_, _) => Table("CREATING")));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ddb.WaitAsync("TableExists", new JsonObject { ["TableName"] = "t" }, new WaiterOptions { Delay = TimeSpan.FromMinutes(1) }, cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Error_matcher_true_and_false(bool expected, int attempts)
    {
        var definition = WaiterDefinition.Parse("Custom", JsonDocument.Parse($$"""
            {"operation": "DescribeTable", "delay": 0, "maxAttempts": 5, "acceptors": [
              {"matcher": "error", "expected": {{(expected ? "true" : "false")}}, "state": "success"},
              {"matcher": "status", "expected": 200, "state": "retry"},
              {"matcher": "error", "expected": "ResourceNotFoundException", "state": "retry"}]}
            """).RootElement);
        var handler = new FuncHandler((_, n) => n == 1 ? Table("ACTIVE") : NotFound());
        using var ddb = Connect("dynamodb", handler);
        var result = await ddb.WaitAsync(definition, new JsonObject { ["TableName"] = "t" });
        Assert.Equal(attempts, handler.Count);
        Assert.Equal(expected, result["Error"] is not null);
    }

    [Fact]
    public async Task PathAll_and_pathAny()
    {
        const string Two = """{"Table":{"TableName":"t","TableStatus":"ACTIVE","GlobalSecondaryIndexes":[{"IndexName":"a","IndexStatus":"ACTIVE"},{"IndexName":"b","IndexStatus":"CREATING"}]}}""";
        var all = new WaiterAcceptor(WaiterState.Success, WaiterMatcher.PathAll, "Table.GlobalSecondaryIndexes[].IndexStatus", "ACTIVE");
        var any = new WaiterAcceptor(WaiterState.Failure, WaiterMatcher.PathAny, "Table.GlobalSecondaryIndexes[].IndexStatus", "CREATING");
        var page = JsonNode.Parse(Two)!.AsObject();
        Assert.False(all.Matches(page, null));
        Assert.True(any.Matches(page, null));
        Assert.False(new WaiterAcceptor(WaiterState.Success, WaiterMatcher.PathAll, "Table.Missing[]", "ACTIVE").Matches(page, null));
        Assert.True(new WaiterAcceptor(WaiterState.Success, WaiterMatcher.Path, "length(Table.GlobalSecondaryIndexes[]) > `1`", true).Matches(page, null));
        using var ddb = Connect("dynamodb", new FuncHandler((_, _) => FuncHandler.Answer(HttpStatusCode.OK, Two)));
        var definition = new WaiterDefinition("Indexes", "DescribeTable", TimeSpan.Zero, 3, [all, any]);
        var e = await Assert.ThrowsAsync<WaiterException>(() => ddb.WaitAsync(definition, new JsonObject { ["TableName"] = "t" }));
        Assert.Equal(WaiterState.Failure, e.LastState);
    }

    [Fact]
    public void Unknown_waiter_names_the_known_ones()
    {
        using var ddb = Connect("dynamodb", new FuncHandler((_, _) => Table("ACTIVE")));
        var e = Assert.Throws<ClientException>(() => ddb.Wait("TableGone"));
        Assert.Contains("TableNotExists", e.Message, StringComparison.Ordinal);
    }
}
