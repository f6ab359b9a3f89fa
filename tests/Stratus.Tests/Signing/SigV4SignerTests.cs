using Stratus.Tests.TestSupport;
using System.Text;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

/// <summary>The SigV4 signer end to end, against AWS's published S3 examples and the suite's vectors.</summary>
public class SigV4SignerTests
{
    private static readonly AwsCredentials S3Example = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly AwsCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset S3Time = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static SigV4Options SuiteOptions(string? payloadHash = PayloadHash.Empty) =>
        new() { Region = "us-east-1", Service = "service", Time = SuiteTime, PayloadHash = payloadHash };

    [Fact]
    public void S3_get_object_matches_the_documented_example()
    {
        // Amazon S3 API Reference, "Signature calculations for the Authorization header", GET Object.
        var request = new SigningRequest { Method = "GET", Path = "/test.txt", Host = "examplebucket.s3.amazonaws.com" };
        request.Headers["Range"] = "bytes=0-9";
        var result = SigV4Signer.Sign(request, S3Example, new SigV4Options
        {
            Region = "us-east-1", Service = "s3", Time = S3Time, PayloadHash = PayloadHash.Empty, S3Variant = true,
        });
        Assert.Equal("host;range;x-amz-content-sha256;x-amz-date", result.SignedHeaders);
        Assert.EndsWith("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972", result.StringToSign);
        Assert.Equal("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", result.Signature);
        Assert.Equal(PayloadHash.Empty, request.Headers["x-amz-content-sha256"]);
        Assert.Equal("20130524T000000Z", request.Headers["X-Amz-Date"]);
        Assert.Equal(result.Authorization, request.Headers["Authorization"]);
    }

    [Fact]
    public void S3_presign_matches_the_documented_example()
    {
        // Amazon S3 API Reference, "Authenticating requests: using query parameters".
        var request = new SigningRequest { Method = "GET", Path = "/test.txt", Host = "examplebucket.s3.amazonaws.com" };
        var result = SigV4Signer.Presign(request, S3Example, new SigV4Options
        {
            Region = "us-east-1", Service = "s3", Time = S3Time, PayloadHash = PayloadHash.Unsigned, S3Variant = true,
            Expires = TimeSpan.FromDays(1),
        });
        Assert.Equal("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", result.Signature);
        Assert.Null(result.Authorization);
        Assert.Equal(
            "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
            request.PathAndQuery);
        Assert.False(request.Headers.ContainsKey("X-Amz-Date"));
    }

    [Fact]
    public void Session_token_is_signed_or_added_after_signing()
    {
        var token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        var withToken = new AwsCredentials(SuiteCredentials.AccessKeyId, SuiteCredentials.SecretAccessKey, token);
        var signed = new SigningRequest { Host = "example.amazonaws.com" };
        var result = SigV4Signer.Sign(signed, withToken, SuiteOptions());
        Assert.Equal("host;x-amz-date;x-amz-security-token", result.SignedHeaders);
        Assert.Equal("07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8", result.Signature);

        var after = new SigningRequest { Host = "example.amazonaws.com" };
        var omitted = SigV4Signer.Sign(after, withToken, SuiteOptions() with { OmitSessionToken = true });
        Assert.Equal("host;x-amz-date", omitted.SignedHeaders);
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", omitted.Signature);
        Assert.Equal(token, after.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public void Unsignable_headers_are_left_out()
    {
        var request = new SigningRequest { Host = "example.amazonaws.com" };
        request.Headers["User-Agent"] = "stratus/1.0";
        request.Headers["X-Amzn-Trace-Id"] = "Root=1";
        request.Headers["Expect"] = "100-continue";
        var result = SigV4Signer.Sign(request, SuiteCredentials, SuiteOptions());
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Signature);
    }

    [Fact]
    public void Missing_payload_hash_and_bad_expiry_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => SigV4Signer.Sign(new SigningRequest { Host = "h" }, SuiteCredentials, SuiteOptions(null)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SigV4Signer.Presign(
            new SigningRequest { Host = "h" }, SuiteCredentials, SuiteOptions() with { Expires = TimeSpan.FromDays(8) }));
    }

    [Fact]
    public void Presigning_twice_replaces_the_earlier_parameters()
    {
        var request = new SigningRequest { Host = "example.amazonaws.com" };
        request.Query.Add(new("Param1", "value1"));
        SigV4Signer.Presign(request, SuiteCredentials, SuiteOptions());
        var second = SigV4Signer.Presign(request, SuiteCredentials, SuiteOptions());
        Assert.Equal(1, request.Query.Count(p => p.Key == "X-Amz-Signature"));
        Assert.Equal(second.Signature, request.Query.Single(p => p.Key == "X-Amz-Signature").Value);
        Assert.Contains(new KeyValuePair<string, string?>("Param1", "value1"), request.Query);
    }

    [Fact]
    public void HttpRequestMessage_is_signed_in_place()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        var result = SigV4Signer.Sign(message, SuiteCredentials, SuiteOptions());
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Signature);
        Assert.Equal(result.Authorization, message.Headers.GetValues("Authorization").Single());
        Assert.Equal("20150830T123600Z", message.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public void HttpRequestMessage_buffered_content_is_hashed()
    {
        // post-x-www-form-urlencoded-parameters, from the AWS SigV4 test suite.
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/");
        message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("Param1=value1"));
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf8");
        var result = SigV4Signer.Sign(message, SuiteCredentials, SuiteOptions(null));
        Assert.Equal("content-type;host;x-amz-date", result.SignedHeaders);
        Assert.EndsWith("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", result.CanonicalRequest);
        Assert.Equal("1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe", result.Signature);
    }

    [Fact]
    public void HttpRequestMessage_unbuffered_content_needs_a_payload_hash()
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, "https://example.amazonaws.com/");
        message.Content = new StreamContent(new NonSeekableStream());
        Assert.Throws<InvalidOperationException>(() => SigV4Signer.Sign(message, SuiteCredentials, SuiteOptions(null)));
        var result = SigV4Signer.Sign(message, SuiteCredentials, SuiteOptions(PayloadHash.Unsigned) with { S3Variant = true });
        Assert.EndsWith(PayloadHash.Unsigned, result.CanonicalRequest);
    }

    [Fact]
    public void HttpRequestMessage_is_presigned_in_place()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        SigV4Signer.Presign(message, S3Example, new SigV4Options
        {
            Region = "us-east-1", Service = "s3", Time = S3Time, PayloadHash = PayloadHash.Unsigned, S3Variant = true,
            Expires = TimeSpan.FromDays(1),
        });
        Assert.EndsWith("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", message.RequestUri!.OriginalString);
        Assert.StartsWith("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&", message.RequestUri.OriginalString);
    }

    [Fact]
    public void Signing_keys_are_cached_and_bounded()
    {
        var cache = new SigningKeyCache(capacity: 4);
        var first = cache.Get("secret", "20150830", "us-east-1", "service");
        Assert.Same(first, cache.Get("secret", "20150830", "us-east-1", "service"));
        for (var i = 0; i < 10; i++)
        {
            cache.Get("secret", "20150830", "region-" + i, "service");
        }
        Assert.True(cache.Count <= 4);
        Assert.Equal(first, cache.Get("secret", "20150830", "us-east-1", "service"));
    }

    [Fact]
    public void Signing_is_thread_safe()
    {
        var signatures = new string[64];
        Parallel.For(0, signatures.Length, i =>
        {
            var request = new SigningRequest { Host = "example.amazonaws.com" };
            var region = i % 2 == 0 ? "us-east-1" : "eu-west-1";
            signatures[i] = SigV4Signer.Sign(request, SuiteCredentials, SuiteOptions() with { Region = region }).Signature;
        });
        Assert.All(signatures.Where((_, i) => i % 2 == 0), s => Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", s));
        Assert.Single(signatures.Where((_, i) => i % 2 == 1).Distinct());
    }

    [Fact]
    public void Serialized_request_copies_into_a_signing_request()
    {
        var serialized = new Stratus.Protocols.SerializedRequest { Method = "PUT", Path = "/k%20ey", HostPrefix = "data." };
        serialized.Query.Add(new("uploads", null));
        serialized.Headers["Content-Type"] = "text/plain";
        var request = SigningRequest.From(serialized, "example.amazonaws.com");
        Assert.Equal("data.example.amazonaws.com", request.Host);
        Assert.Equal("/k%20ey?uploads", request.PathAndQuery);
        Assert.Equal("text/plain", request.Headers["content-type"]);
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
