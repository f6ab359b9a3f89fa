using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using Stratus.Bench.Payloads;

namespace Stratus.Bench.Harness.Clients;

/// <summary>The AWS SDK for .NET with its defaults, pointed at the endpoint (path-style S3).</summary>
public sealed class AwsSdkBenchClient : IBenchClient
{
    private readonly AmazonS3Client _s3;
    private readonly AmazonS3Client _s3Tls;
    private readonly AmazonEC2Client _ec2;
    private readonly AmazonSQSClient _sqs;
    private readonly AmazonDynamoDBClient _dynamodb;
    private readonly string _queueUrl;

    public AwsSdkBenchClient(Uri http, Uri https)
    {
        var credentials = new BasicAWSCredentials(Fixture.AccessKey, Fixture.SecretKey);
        _s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = http.ToString(), ForcePathStyle = true, AuthenticationRegion = Fixture.Region });
        _s3Tls = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = https.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = Fixture.Region,
            HttpClientFactory = new LoopbackTlsHttpClientFactory(),
        });
        _ec2 = new AmazonEC2Client(credentials, new AmazonEC2Config { ServiceURL = http.ToString(), AuthenticationRegion = Fixture.Region });
        _sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = http.ToString(), AuthenticationRegion = Fixture.Region });
        _dynamodb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = http.ToString(), AuthenticationRegion = Fixture.Region });
        _queueUrl = http.GetLeftPart(UriPartial.Authority) + Fixture.QueuePath;
    }

    public string Name => "AWS SDK";

    public async Task CallAsync(Scenario scenario, Worker worker)
    {
        switch (scenario.Name)
        {
            case var n when n == Scenario.HeadObject.Name:
                var head = await _s3.GetObjectMetadataAsync(Fixture.Bucket, Fixture.SmallKey).ConfigureAwait(false);
                Worker.Expect(head.ContentLength == Fixture.SmallSize, "HeadObject length");
                break;
            case var n when n == Scenario.GetSmall.Name:
                await GetAsync(_s3, Fixture.SmallKey, Fixture.SmallSize, worker).ConfigureAwait(false);
                break;
            case var n when n == Scenario.PutSmall.Name:
                var put = await _s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Fixture.Bucket,
                    Key = Fixture.PutKey,
                    InputStream = new MemoryStream(Worker.SmallBody, writable: false),
                }).ConfigureAwait(false);
                Worker.Expect(put.ETag is not null, "PutObject ETag");
                break;
            case var n when n == Scenario.GetLarge.Name:
                await GetAsync(_s3Tls, Fixture.LargeKey, Fixture.LargeSize, worker).ConfigureAwait(false);
                break;
            case var n when n == Scenario.PutLarge.Name:
                var large = await _s3Tls.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Fixture.Bucket,
                    Key = Fixture.PutKey,
                    InputStream = Worker.LargeBody(),
                }).ConfigureAwait(false);
                Worker.Expect(large.ETag is not null, "PutObject ETag");
                break;
            case var n when n == Scenario.List.Name:
                var list = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Fixture.Bucket }).ConfigureAwait(false);
                Worker.Expect(list.S3Objects.Count == Fixture.ListKeys, "key count");
                break;
            case var n when n == Scenario.Describe.Name:
                var described = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest()).ConfigureAwait(false);
                Worker.Expect(described.Reservations.Sum(r => r.Instances.Count) == Fixture.Instances, "instance count");
                break;
            case var n when n == Scenario.SendMessage.Name:
                var sent = await _sqs.SendMessageAsync(new SendMessageRequest(_queueUrl, Fixture.MessageBody)).ConfigureAwait(false);
                Worker.Expect(sent.MessageId is not null, "MessageId");
                break;
            case var n when n == Scenario.Query.Name:
                var query = await _dynamodb.QueryAsync(new QueryRequest
                {
                    TableName = Fixture.Table,
                    KeyConditionExpression = "Artist = :a",
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = new AttributeValue { S = "Miles Davis" } },
                }).ConfigureAwait(false);
                Worker.Expect(query.Items.Count == Fixture.QueryItems, "item count");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Name, null);
        }
    }

    private static async Task GetAsync(AmazonS3Client s3, string key, long size, Worker worker)
    {
        using var got = await s3.GetObjectAsync(Fixture.Bucket, key).ConfigureAwait(false);
        Worker.Expect(await worker.DrainAsync(got.ResponseStream).ConfigureAwait(false) == size, "GetObject length");
    }

    public void Dispose()
    {
        _s3.Dispose();
        _s3Tls.Dispose();
        _ec2.Dispose();
        _sqs.Dispose();
        _dynamodb.Dispose();
    }

    /// <summary>The SDK's HTTP client, accepting the endpoint's self-signed certificate.</summary>
    private sealed class LoopbackTlsHttpClientFactory : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(Floor.FloorClient.CreateHandler());
    }
}
