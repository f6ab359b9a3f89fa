using Stratus.Bench.Floor;
using Stratus.Bench.Payloads;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Bench.Harness;

/// <summary>
/// The endpoint checks no signature, so before measuring, the floor's hand-written signer is checked against
/// Stratus's (conformance-tested) one on requests both sign with the same headers.
/// </summary>
public static class SignerCheck
{
    public static void Run()
    {
        var time = Fixture.Epoch;
        foreach (var (method, url) in new[] { (HttpMethod.Head, "http://127.0.0.1:8080/bench-bucket/small.bin"), (HttpMethod.Get, "http://127.0.0.1:8080/bench-bucket?list-type=2") })
        {
            using var floor = new HttpRequestMessage(method, url);
            new FloorSigner(Fixture.AccessKey, Fixture.SecretKey, Fixture.Region, "s3").Sign(floor, FloorSigner.EmptyHash, null, time.UtcDateTime);
            using var stratus = new HttpRequestMessage(method, url);
            SigV4Signer.Sign(stratus, new AwsCredentials(Fixture.AccessKey, Fixture.SecretKey), new SigV4Options
            {
                Region = Fixture.Region,
                Service = "s3",
                Time = time,
                PayloadHash = FloorSigner.EmptyHash,
                S3Variant = true,
            });
            var a = floor.Headers.GetValues("Authorization").Single();
            var b = stratus.Headers.GetValues("Authorization").Single();
            if (a != b)
            {
                throw new InvalidOperationException($"The floor's SigV4 differs from Stratus's for {method} {url}:\n  floor:   {a}\n  Stratus: {b}");
            }
        }
    }
}
