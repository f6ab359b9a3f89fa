using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;

namespace Stratus.Bench.Harness.Clients;

/// <summary>The floor: HttpClient with a hand-written SigV4 (small requests over HTTP, 64 MiB over HTTPS).</summary>
public sealed class FloorBenchClient(Uri http, Uri https) : IBenchClient
{
    private readonly FloorClient _http = new(http, Fixture.Region, Fixture.AccessKey, Fixture.SecretKey);
    private readonly FloorClient _https = new(https, Fixture.Region, Fixture.AccessKey, Fixture.SecretKey);
    private readonly string _queueUrl = http.GetLeftPart(UriPartial.Authority) + Fixture.QueuePath;

    public string Name => "floor";

    public async Task CallAsync(Scenario scenario, Worker worker)
    {
        switch (scenario.Name)
        {
            case var n when n == Scenario.HeadObject.Name:
                Worker.Expect((await _http.HeadObjectAsync(Fixture.Bucket, Fixture.SmallKey).ConfigureAwait(false)).ContentLength == Fixture.SmallSize, "HeadObject length");
                break;
            case var n when n == Scenario.GetSmall.Name:
                Worker.Expect(await _http.GetObjectAsync(Fixture.Bucket, Fixture.SmallKey, worker.Sink).ConfigureAwait(false) == Fixture.SmallSize, "GetObject length");
                break;
            case var n when n == Scenario.PutSmall.Name:
                Worker.Expect(await _http.PutObjectAsync(Fixture.Bucket, Fixture.PutKey, Worker.SmallBody).ConfigureAwait(false) is not null, "PutObject ETag");
                break;
            case var n when n == Scenario.GetLarge.Name:
                Worker.Expect(await _https.GetObjectAsync(Fixture.Bucket, Fixture.LargeKey, worker.Sink).ConfigureAwait(false) == Fixture.LargeSize, "GetObject length");
                break;
            case var n when n == Scenario.PutLarge.Name:
                using (var body = Worker.LargeBody())
                {
                    Worker.Expect(await _https.PutObjectAsync(Fixture.Bucket, Fixture.PutKey, body, body.Length).ConfigureAwait(false) is not null, "PutObject ETag");
                }
                break;
            case var n when n == Scenario.List.Name:
                Worker.Expect((await _http.ListObjectsV2Async(Fixture.Bucket).ConfigureAwait(false)).Count == Fixture.ListKeys, "key count");
                break;
            case var n when n == Scenario.Describe.Name:
                Worker.Expect((await _http.DescribeInstancesAsync().ConfigureAwait(false)).Count == Fixture.Instances, "instance count");
                break;
            case var n when n == Scenario.SendMessage.Name:
                Worker.Expect((await _http.SendMessageAsync(_queueUrl, Fixture.MessageBody).ConfigureAwait(false)).Length > 0, "MessageId");
                break;
            case var n when n == Scenario.Query.Name:
                Worker.Expect((await _http.QueryAsync(Fixture.Table, "Artist", "Miles Davis").ConfigureAwait(false)).Count == Fixture.QueryItems, "item count");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Name, null);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _https.Dispose();
    }
}
