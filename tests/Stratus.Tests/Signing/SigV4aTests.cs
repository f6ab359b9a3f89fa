using Stratus.Tests.TestSupport;
using System.Security.Cryptography;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

public class SigV4aTests
{
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private static SigV4Options Options => new()
    {
        Region = "us-east-1", Service = "service", Time = new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero), PayloadHash = PayloadHash.Empty,
    };

    [Fact]
    public void Derived_key_has_the_published_public_point()
    {
        // public-key.json of the aws-c-auth v4a suite, for these credentials.
        using var key = SigV4aKey.CreateEcdsa(Credentials);
        var q = key.ExportParameters(false).Q;
        Assert.Equal("b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1", Convert.ToHexStringLower(q.X!));
        Assert.Equal("865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518", Convert.ToHexStringLower(q.Y!));
    }

    [Fact]
    public void Header_signature_verifies_and_is_randomized()
    {
        var first = SigV4aSigner.Sign(new SigningRequest { Host = "example.amazonaws.com" }, Credentials, Options);
        var second = SigV4aSigner.Sign(new SigningRequest { Host = "example.amazonaws.com" }, Credentials, Options);
        Assert.Equal("AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\ncf59db423e841c8b7e3444158185aa261b724a5c27cbe762676f3eed19f4dc02", first.StringToSign);
        Assert.Equal("host;x-amz-date;x-amz-region-set", first.SignedHeaders);
        Assert.StartsWith("AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20150830/service/aws4_request, ", first.Authorization);
        Assert.NotEqual(first.Signature, second.Signature);
        using var key = SigV4aKey.CreateEcdsa(Credentials);
        Assert.True(SigV4aSigner.Verify(key, first.StringToSign, first.Signature));
        Assert.True(SigV4aSigner.Verify(key, second.StringToSign, second.Signature));
        Assert.False(SigV4aSigner.Verify(key, first.StringToSign + "x", first.Signature));
        Assert.False(SigV4aSigner.Verify(key, first.StringToSign, "zz"));
    }

    [Fact]
    public void Presign_adds_the_region_set()
    {
        var request = new SigningRequest { Host = "example.amazonaws.com" };
        var result = SigV4aSigner.Presign(request, Credentials, Options with { Region = "us-east-1,us-west-2" });
        Assert.Contains(new KeyValuePair<string, string?>("X-Amz-Region-Set", "us-east-1,us-west-2"), request.Query);
        Assert.Contains("X-Amz-Region-Set=us-east-1%2Cus-west-2", result.CanonicalRequest);
        Assert.Equal(result.Signature, request.Query[^1].Value);
    }

    [Fact]
    public void HttpRequestMessage_is_signed_and_presigned()
    {
        using var key = SigV4aKey.CreateEcdsa(Credentials);
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var signed = SigV4aSigner.Sign(message, Credentials, Options);
        Assert.Equal("us-east-1", message.Headers.GetValues("X-Amz-Region-Set").Single());
        Assert.Equal(signed.Authorization, message.Headers.GetValues("Authorization").Single());
        Assert.True(SigV4aSigner.Verify(key, signed.StringToSign, signed.Signature));

        using var presigned = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var result = SigV4aSigner.Presign(presigned, Credentials, Options);
        Assert.Contains("X-Amz-Region-Set=us-east-1", presigned.RequestUri!.OriginalString);
        Assert.EndsWith("X-Amz-Signature=" + result.Signature, presigned.RequestUri.OriginalString);
    }

    [Fact]
    public void Derivation_is_deterministic_and_differs_per_access_key()
    {
        Assert.Equal(SigV4aKey.Derive("AKID", "secret"), SigV4aKey.Derive("AKID", "secret"));
        Assert.NotEqual(SigV4aKey.Derive("AKID", "secret"), SigV4aKey.Derive("AKID2", "secret"));
        Assert.Equal(32, SigV4aKey.Derive("AKID", "secret").Length);
    }

    [Fact]
    public void Verify_rejects_a_signature_by_another_key()
    {
        var result = SigV4aSigner.Sign(new SigningRequest { Host = "h" }, Credentials, Options);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.False(SigV4aSigner.Verify(other, result.StringToSign, result.Signature));
    }
}
