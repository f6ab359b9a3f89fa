using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Testing.Mock;
using Stratus.Testing.Recording;

namespace Stratus.Tests.Recording;

public sealed class RecordReplayTests : IDisposable
{
    private const string ClientSecret = "client-secret-wJalrXUtnFEMI";
    private const string ClientToken = "client-session-token-FwoGZXIvYXdzE";
    private const string IssuedSecret = "issued-secret-9drTJvcXLB89EXAMPLE";
    private const string IssuedToken = "issued-session-token-AQoDYXdzEPT";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"stratus-recording-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    private static MockCloud Cloud()
    {
        var cloud = new MockCloud(new MockCloudOptions { Accounts = [new MockAccount("123456789012", "ASIACLIENTKEY", ClientSecret, ClientToken)] }, builtInServices: false);
        cloud.AddService(new TableService());
        cloud.AddService(new IdentityService());
        return cloud;
    }

    private static JsonObject Key(string id) => new() { ["id"] = new JsonObject { ["S"] = id } };

    // The calls the code under test makes; each result (or error) as text, to compare a recording with its replay.
    private static async Task<List<string>> RunCallsAsync(ServiceClient ddb, ServiceClient identity)
    {
        var results = new List<string>();
        results.Add((await ddb.CallAsync("PutItem", new JsonObject { ["TableName"] = "things", ["Item"] = new JsonObject { ["id"] = new JsonObject { ["S"] = "1" }, ["n"] = new JsonObject { ["N"] = "7" } } })).ToJsonString());
        results.Add(ddb.Call("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("1") }).ToJsonString());
        results.Add((await ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("2") })).ToJsonString());
        var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("DescribeTable", new JsonObject { ["TableName"] = "missing" }));
        results.Add($"{e.StatusCode} {e.ErrorCode} {e.ErrorMessage} {e.RequestId}");
        results.Add((await identity.CallAsync("GetCredentialsForIdentity", new JsonObject { ["IdentityId"] = "us-east-1:abc" })).ToJsonString());
        return results;
    }

    [Fact]
    public async Task ARecordingReplaysWithNoServerAndGivesTheSameResults()
    {
        List<string> recorded;
        await using (var cloud = Cloud())
        {
            using var ddbRecorder = new TrafficRecorder(_path, "dynamodb", cloud.CreateHandler());
            using var identityRecorder = new TrafficRecorder(_path, "cognito-identity", cloud.CreateHandler(), append: true);
            var options = cloud.ClientOptions();
            options.Transport = ddbRecorder;
            using var ddb = Aws.Connect("dynamodb", options);
            var identityOptions = cloud.ClientOptions();
            identityOptions.Transport = identityRecorder;
            using var identity = Aws.Connect("cognito-identity", identityOptions);
            recorded = await RunCallsAsync(ddb, identity);
            Assert.Equal(4, ddbRecorder.Count);
            Assert.Equal(1, identityRecorder.Count);
        }
        Assert.Contains(IssuedSecret, recorded[4], StringComparison.Ordinal); // the client got the real response

        var replayer = new TrafficReplayer(_path);
        var replayOptions = new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = new Uri("http://mock.stratus.localhost"),
            Credentials = new AwsCredentials("AKIDOTHER", "other-secret"),
            Transport = replayer,
        };
        using var replayDdb = Aws.Connect("dynamodb", replayOptions);
        using var replayIdentity = Aws.Connect("cognito-identity", replayOptions);
        var replayed = await RunCallsAsync(replayDdb, replayIdentity);

        Assert.Equal(recorded.Take(4), replayed.Take(4));
        var credentials = JsonNode.Parse(replayed[4])!["Credentials"]!;
        Assert.Equal("ASIAISSUED", (string?)credentials["AccessKeyId"]);
        Assert.Equal("***", (string?)credentials["SecretKey"]);
        Assert.Equal("***", (string?)credentials["SessionToken"]);
        replayer.AssertAllReplayed();
    }

    [Fact]
    public async Task TheRecordingHoldsNoSecret()
    {
        await using (var cloud = Cloud())
        {
            using var ddbRecorder = new TrafficRecorder(_path, "dynamodb", cloud.CreateHandler());
            using var identityRecorder = new TrafficRecorder(_path, "cognito-identity", cloud.CreateHandler(), append: true);
            var options = cloud.ClientOptions();
            options.Transport = ddbRecorder;
            using var ddb = Aws.Connect("dynamodb", options);
            var identityOptions = cloud.ClientOptions();
            identityOptions.Transport = identityRecorder;
            using var identity = Aws.Connect("cognito-identity", identityOptions);
            await RunCallsAsync(ddb, identity);
        }

        var text = await File.ReadAllTextAsync(_path);
        Assert.DoesNotContain(ClientSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(IssuedSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(IssuedToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);

        var entries = TrafficFile.Read(_path);
        Assert.Equal(["PutItem", "GetItem", "GetItem", "DescribeTable", "GetCredentialsForIdentity"], entries.Select(e => e.Operation));
        Assert.Equal("***", entries[0].RequestHeaders["Authorization"]);
        Assert.Equal("***", entries[0].RequestHeaders["X-Amz-Security-Token"]);
        Assert.Equal(400, entries[3].StatusCode);
        Assert.Contains("\"id\":{\"S\":\"1\"}", System.Text.Encoding.UTF8.GetString(entries[1].ResponseBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnmatchedRequestFailsSayingHowItDiffers()
    {
        await using (var cloud = Cloud())
        {
            using var recorder = new TrafficRecorder(_path, "dynamodb", cloud.CreateHandler());
            var options = cloud.ClientOptions();
            options.Transport = recorder;
            using var ddb = Aws.Connect("dynamodb", options);
            await ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("1") });
        }
        var replayer = new TrafficReplayer(_path);
        using var replay = Aws.Connect("dynamodb", new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = new Uri("http://mock.stratus.localhost"),
            Credentials = new AwsCredentials("AKID", "secret"),
            Transport = replayer,
        });

        var e = await Assert.ThrowsAsync<ReplayException>(() => replay.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("9") }));
        Assert.Contains("No recorded exchange matches POST http://mock.stratus.localhost/", e.Message, StringComparison.Ordinal);
        Assert.Contains("(dynamodb.GetItem)", e.Message, StringComparison.Ordinal);
        Assert.Contains("body {\"TableName\":\"things\",\"Key\":{\"id\":{\"S\":\"1\"}}}, not {\"TableName\":\"things\",\"Key\":{\"id\":{\"S\":\"9\"}}}", e.Message, StringComparison.Ordinal);

        await replay.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("1") });
        var again = await Assert.ThrowsAsync<ReplayException>(() => replay.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("1") }));
        Assert.Contains("every recorded exchange was used", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeftoverExchangesFailTheAssertion()
    {
        await using (var cloud = Cloud())
        {
            using var recorder = new TrafficRecorder(_path, "dynamodb", cloud.CreateHandler());
            var options = cloud.ClientOptions();
            options.Transport = recorder;
            using var ddb = Aws.Connect("dynamodb", options);
            await ddb.CallAsync("GetItem", new JsonObject { ["TableName"] = "things", ["Key"] = Key("1") });
        }
        var replayer = new TrafficReplayer(_path);
        Assert.Equal(1, replayer.Remaining);
        var e = Assert.Throws<ReplayException>(replayer.AssertAllReplayed);
        Assert.Contains("1 recorded exchange(s) were never replayed: POST http://mock.stratus.localhost/ (dynamodb.GetItem) -> 200", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A tiny DynamoDB: one table, items by their "id" string.</summary>
    private sealed class TableService : MockService
    {
        private readonly ConcurrentDictionary<string, JsonNode> _items = new(StringComparer.Ordinal);

        public TableService()
        {
            On("PutItem", (_, input) =>
            {
                _items[(string)input["Item"]!["id"]!["S"]!] = input["Item"]!.DeepClone();
                return [];
            });
            On("GetItem", (_, input) =>
                _items.TryGetValue((string)input["Key"]!["id"]!["S"]!, out var item) ? new JsonObject { ["Item"] = item.DeepClone() } : []);
            On("DescribeTable", (_, input) => throw new MockServiceException("ResourceNotFoundException", $"Requested resource not found: Table: {input["TableName"]} not found"));
        }

        public override string Name => "dynamodb";
    }

    /// <summary>A Cognito identity pool that hands out temporary credentials (a response carrying secrets).</summary>
    private sealed class IdentityService : MockService
    {
        public IdentityService()
        {
            On("GetCredentialsForIdentity", (_, input) => new JsonObject
            {
                ["IdentityId"] = input["IdentityId"]!.DeepClone(),
                ["Credentials"] = new JsonObject
                {
                    ["AccessKeyId"] = "ASIAISSUED",
                    ["SecretKey"] = IssuedSecret,
                    ["SessionToken"] = IssuedToken,
                    ["Expiration"] = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
                },
            });
        }

        public override string Name => "cognito-identity";
    }
}
