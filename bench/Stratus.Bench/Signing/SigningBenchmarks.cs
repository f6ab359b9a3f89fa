using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Bench.Signing;

/// <summary>
/// SigV4 header signing of an S3 HeadObject, each signer on its own request type (built in the benchmark,
/// as a client would): Stratus on a SigningRequest and on an HttpRequestMessage, the floor on an
/// HttpRequestMessage, the AWS SDK on its IRequest.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private static readonly Uri Url = new("http://127.0.0.1:8080/bench-bucket/small.bin");
    private static readonly DateTimeOffset Time = Fixture.Epoch;
    private readonly AwsCredentials _credentials = new(Fixture.AccessKey, Fixture.SecretKey);
    private readonly FloorSigner _floor = new(Fixture.AccessKey, Fixture.SecretKey, Fixture.Region, "s3");
    private readonly AWS4Signer _sdkSigner = new(signPayload: true);
    private readonly AmazonS3Config _sdkConfig = new() { ServiceURL = "http://127.0.0.1:8080", ForcePathStyle = true, AuthenticationRegion = Fixture.Region };
    private readonly SigV4Options _options = new()
    {
        Region = Fixture.Region,
        Service = "s3",
        Time = Time,
        PayloadHash = FloorSigner.EmptyHash,
        S3Variant = true,
    };

    [Benchmark(Baseline = true, Description = "floor: HttpRequestMessage")]
    public string? Floor()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Url);
        _floor.Sign(request, FloorSigner.EmptyHash, null, Time.UtcDateTime);
        return request.Headers.Authorization?.Scheme;
    }

    [Benchmark(Description = "Stratus: SigningRequest")]
    public string StratusSigningRequest()
    {
        var request = new SigningRequest { Method = "HEAD", Path = "/bench-bucket/small.bin", Host = "127.0.0.1:8080" };
        return SigV4Signer.Sign(request, _credentials, _options).Signature;
    }

    [Benchmark(Description = "Stratus: HttpRequestMessage")]
    public string StratusHttpRequestMessage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Url);
        return SigV4Signer.Sign(request, _credentials, _options).Signature;
    }

    [Benchmark(Description = "AWS SDK: AWS4Signer on IRequest")]
    public string AwsSdk()
    {
        var request = new DefaultRequest(new GetObjectMetadataRequest(), "AmazonS3")
        {
            HttpMethod = "HEAD",
            Endpoint = new Uri("http://127.0.0.1:8080"),
            ResourcePath = "/bench-bucket/small.bin",
        };
        return _sdkSigner.SignRequest(request, _sdkConfig, null, Fixture.AccessKey, Fixture.SecretKey).Signature;
    }
}
