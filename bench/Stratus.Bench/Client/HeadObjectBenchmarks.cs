using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using BenchmarkDotNet.Attributes;
using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;
using Stratus.Client;
using Stratus.Credentials;

namespace Stratus.Bench.Client;

/// <summary>
/// One whole S3 HeadObject call against an in-memory transport (no sockets): what each client itself costs
/// per small request, allocation included.
/// </summary>
[MemoryDiagnoser]
public class HeadObjectBenchmarks
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:8080");
    private readonly FloorClient _floor = new(Endpoint, Fixture.Region, Fixture.AccessKey, Fixture.SecretKey, new CannedHandler());
    private readonly ServiceClient _stratus = Aws.Connect("s3", new ClientOptions
    {
        EndpointUrl = Endpoint,
        Region = Fixture.Region,
        Credentials = new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey),
        Transport = new CannedHandler(),
    });
    private readonly AmazonS3Client _sdk = new(new BasicAWSCredentials(Fixture.AccessKey, Fixture.SecretKey), new AmazonS3Config
    {
        ServiceURL = Endpoint.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = Fixture.Region,
        HttpClientFactory = new CannedHttpClientFactory(),
    });

    [Benchmark(Baseline = true, Description = "floor")]
    public async Task<long> Floor() => (await _floor.HeadObjectAsync(Fixture.Bucket, Fixture.SmallKey).ConfigureAwait(false)).ContentLength;

    [Benchmark(Description = "Stratus CallAsync")]
    public async Task<JsonNode?> Stratus() =>
        (await _stratus.CallAsync("HeadObject", new JsonObject { ["Bucket"] = Fixture.Bucket, ["Key"] = Fixture.SmallKey }).ConfigureAwait(false))["ContentLength"];

    [Benchmark(Description = "AWS SDK GetObjectMetadataAsync")]
    public async Task<long> AwsSdk() => (await _sdk.GetObjectMetadataAsync(Fixture.Bucket, Fixture.SmallKey).ConfigureAwait(false)).ContentLength;

    private sealed class CannedHttpClientFactory : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CannedHandler());
    }
}
