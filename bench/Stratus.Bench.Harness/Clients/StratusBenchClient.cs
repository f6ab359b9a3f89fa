using System.Text.Json.Nodes;
using Stratus.Bench.Payloads;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Protocols;
using Stratus.Transport;

namespace Stratus.Bench.Harness.Clients;

/// <summary>Stratus as a user calls it: <c>Aws.Connect</c> and <c>CallAsync</c> with JsonObject input.</summary>
public sealed class StratusBenchClient : IBenchClient
{
    private readonly ServiceClient _s3;
    private readonly ServiceClient _s3Tls;
    private readonly ServiceClient _ec2;
    private readonly ServiceClient _sqs;
    private readonly ServiceClient _dynamodb;
    private readonly string _queueUrl;

    public StratusBenchClient(Uri http, Uri https)
    {
        _s3 = Aws.Connect("s3", Options(http));
        _s3Tls = Aws.Connect("s3", Options(https));
        _ec2 = Aws.Connect("ec2", Options(http));
        _sqs = Aws.Connect("sqs", Options(http));
        _dynamodb = Aws.Connect("dynamodb", Options(http));
        _queueUrl = http.GetLeftPart(UriPartial.Authority) + Fixture.QueuePath;
    }

    public string Name => "Stratus";

    private static ClientOptions Options(Uri endpoint) => new()
    {
        EndpointUrl = endpoint,
        Region = Fixture.Region,
        Credentials = new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey),
        // The endpoint's certificate is self-signed; HTTP/1.1 like the other clients.
        Connection = new ConnectionOptions { VerifyTls = false, EnableHttp2 = false },
    };

    public async Task CallAsync(Scenario scenario, Worker worker)
    {
        switch (scenario.Name)
        {
            case var n when n == Scenario.HeadObject.Name:
                var head = await _s3.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey }).ConfigureAwait(false);
                Worker.Expect((long)head["ContentLength"]! == Fixture.SmallSize, "HeadObject length");
                break;
            case var n when n == Scenario.GetSmall.Name:
                await GetAsync(_s3, Fixture.SmallKey, Fixture.SmallSize, worker).ConfigureAwait(false);
                break;
            case var n when n == Scenario.PutSmall.Name:
                var put = await _s3.CallAsync("PutObject", new JsonObject
                {
                    ["Bucket"] = Fixture.Bucket,
                    ["Key"] = Fixture.PutKey,
                    ["Body"] = NativeValues.Blob(Worker.SmallBody),
                }).ConfigureAwait(false);
                Worker.Expect(put["ETag"] is not null, "PutObject ETag");
                break;
            case var n when n == Scenario.GetLarge.Name:
                await GetAsync(_s3Tls, Fixture.LargeKey, Fixture.LargeSize, worker).ConfigureAwait(false);
                break;
            case var n when n == Scenario.PutLarge.Name:
                using (var body = Worker.LargeBody())
                {
                    var large = await _s3Tls.CallAsync("PutObject", new JsonObject
                    {
                        ["Bucket"] = Fixture.Bucket,
                        ["Key"] = Fixture.PutKey,
                        ["Body"] = NativeValues.Stream(body),
                    }).ConfigureAwait(false);
                    Worker.Expect(large["ETag"] is not null, "PutObject ETag");
                }
                break;
            case var n when n == Scenario.List.Name:
                var list = await _s3.CallAsync("ListObjectsV2", new JsonObject { ["Bucket"] = Fixture.Bucket }).ConfigureAwait(false);
                Worker.Expect(list["Contents"]!.AsArray().Count == Fixture.ListKeys, "key count");
                break;
            case var n when n == Scenario.Describe.Name:
                var described = await _ec2.CallAsync("DescribeInstances").ConfigureAwait(false);
                Worker.Expect(described["Reservations"]!.AsArray().Sum(r => r!["Instances"]!.AsArray().Count) == Fixture.Instances, "instance count");
                break;
            case var n when n == Scenario.SendMessage.Name:
                var sent = await _sqs.CallAsync("SendMessage", new JsonObject { ["QueueUrl"] = _queueUrl, ["MessageBody"] = Fixture.MessageBody }).ConfigureAwait(false);
                Worker.Expect(sent["MessageId"] is not null, "MessageId");
                break;
            case var n when n == Scenario.Query.Name:
                var query = await _dynamodb.CallAsync("Query", new JsonObject
                {
                    ["TableName"] = Fixture.Table,
                    ["KeyConditionExpression"] = "Artist = :a",
                    ["ExpressionAttributeValues"] = new JsonObject { [":a"] = new JsonObject { ["S"] = "Miles Davis" } },
                }).ConfigureAwait(false);
                Worker.Expect(query["Items"]!.AsArray().Count == Fixture.QueryItems, "item count");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Name, null);
        }
    }

    private static async Task GetAsync(ServiceClient s3, string key, long size, Worker worker)
    {
        var got = await s3.CallAsync("GetObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = key }).ConfigureAwait(false);
        var body = got["Body"]!.GetValue<Stream>();
        await using (body.ConfigureAwait(false))
        {
            Worker.Expect(await worker.DrainAsync(body).ConfigureAwait(false) == size, "GetObject length");
        }
    }

    public void Dispose()
    {
        _s3.Dispose();
        _s3Tls.Dispose();
        _ec2.Dispose();
        _sqs.Dispose();
        _dynamodb.Dispose();
    }
}
