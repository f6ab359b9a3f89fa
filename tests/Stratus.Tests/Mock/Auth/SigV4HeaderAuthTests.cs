using System.Text;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;
using static Stratus.Tests.Mock.Auth.AuthFixture;

namespace Stratus.Tests.Mock.Auth;

/// <summary>SigV4 in the Authorization header, signed by the client signer, checked by the mock's authenticator.</summary>
public class SigV4HeaderAuthTests
{
    private static readonly byte[] FormBody = Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-15");

    /// <summary>An STS query-protocol POST signed for <paramref name="account"/> (or with a different secret).</summary>
    private static Stratus.Protocols.Server.ServerRequest SignedSts(MockAccount account, string? secret = null, DateTimeOffset? time = null, string path = "/")
    {
        var request = new SigningRequest { Method = "POST", Path = path, Host = "sts.us-west-2.amazonaws.com" };
        request.Query.Add(new("extra", "a b/c"));
        request.Headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8";
        var credentials = new Stratus.Credentials.AwsCredentials(account.AccessKeyId, secret ?? account.SecretAccessKey, account.SessionToken);
        SigV4Signer.Sign(request, credentials, Options("sts", payloadHash: PayloadHash.Compute(FormBody), time: time));
        return Received(request, FormBody);
    }

    private static Stratus.Protocols.Server.ServerRequest SignedS3Put(MockAccount account, byte[] body, string? secret = null, string path = "/bucket/key", string? payloadHash = null)
    {
        var request = new SigningRequest { Method = "PUT", Path = path, Host = "s3.us-west-2.amazonaws.com" };
        request.Headers["Content-Type"] = "text/plain";
        request.Headers["x-amz-meta-color"] = "blue";
        var credentials = new Stratus.Credentials.AwsCredentials(account.AccessKeyId, secret ?? account.SecretAccessKey, account.SessionToken);
        SigV4Signer.Sign(request, credentials, Options("s3", s3: true, payloadHash: payloadHash ?? PayloadHash.Compute(body)));
        return Received(request, body);
    }

    [Fact]
    public void Valid_query_request_is_accepted_with_scope()
    {
        var result = Authenticator().Authenticate(SignedSts(Alice), AuthFamily.Query);
        AssertAccepted(result, Alice);
        Assert.Equal("us-west-2", result.Region);
        Assert.Equal("sts", result.Service);
        Assert.Equal(AuthScheme.SigV4, result.Scheme);
        Assert.True(result.Verified);
    }

    [Fact]
    public void Query_family_errors()
    {
        var auth = Authenticator();
        AssertError(auth.Authenticate(SignedSts(Alice, secret: "wrong"), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(SignedSts(Alice with { AccessKeyId = "AKIAUNKNOWN" }), AuthFamily.Query), "InvalidClientTokenId", 403);
        var stale = auth.Authenticate(SignedSts(Alice, time: Now.AddMinutes(-16)), AuthFamily.Query);
        AssertError(stale, "SignatureDoesNotMatch", 403);
        Assert.Equal("Signature expired: 20240506T065209Z is now earlier than 20240506T065309Z (20240506T070809Z - 15 min.)", stale.Error!.Message);
        var future = auth.Authenticate(SignedSts(Alice, time: Now.AddMinutes(16)), AuthFamily.Query);
        AssertError(future, "SignatureDoesNotMatch", 403);
        Assert.StartsWith("Signature not yet current: 20240506T072409Z is still later than", future.Error!.Message, StringComparison.Ordinal);
        AssertAccepted(auth.Authenticate(SignedSts(Alice, time: Now.AddMinutes(-14)), AuthFamily.Query), Alice);
    }

    [Fact]
    public void Tampering_with_a_signed_part_fails()
    {
        var auth = Authenticator();
        var signed = SignedSts(Alice);
        AssertAccepted(auth.Authenticate(signed, AuthFamily.Query), Alice);
        AssertError(auth.Authenticate(With(signed, headers: h => h["Content-Type"] = "application/json"), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, path: "/other"), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "extra", "a b/d")), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, body: Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-16")), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, method: "PUT"), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        // Headers that were not signed may change (a proxy adds them).
        AssertAccepted(auth.Authenticate(With(signed, headers: h => h["User-Agent"] = "proxy"), AuthFamily.Query), Alice);
    }

    [Fact]
    public void Non_s3_path_is_normalized_and_encoded_again()
    {
        var auth = Authenticator();
        var signed = SignedSts(Alice, path: "/a%20b/./c//d");
        AssertAccepted(auth.Authenticate(signed, AuthFamily.Query), Alice);
        AssertError(auth.Authenticate(With(signed, path: "/a%20b/c/e"), AuthFamily.Query), "SignatureDoesNotMatch", 403);
    }

    [Fact]
    public void Session_token_must_match_a_temporary_key()
    {
        var auth = Authenticator();
        var signed = SignedSts(Temp);
        Assert.Equal("the-session-token", signed.Header("X-Amz-Security-Token"));
        AssertAccepted(auth.Authenticate(signed, AuthFamily.Query), Temp);
        AssertError(auth.Authenticate(With(signed, headers: h => h["X-Amz-Security-Token"] = "forged"), AuthFamily.Query), "InvalidClientTokenId", 403);
        AssertError(auth.Authenticate(With(signed, headers: h => h.Remove("X-Amz-Security-Token")), AuthFamily.Query), "InvalidClientTokenId", 403);
        AssertError(auth.Authenticate(SignedS3Put(Temp with { SessionToken = "wrong" }, [1]), AuthFamily.S3), "InvalidToken", 400);
        AssertError(auth.Authenticate(SignedSts(Expired), AuthFamily.Query), "ExpiredToken", 403);
        AssertError(auth.Authenticate(SignedS3Put(Expired, [1]), AuthFamily.S3), "ExpiredToken", 400);
    }

    [Fact]
    public void S3_family_errors()
    {
        var auth = Authenticator();
        var body = Encoding.UTF8.GetBytes("hello");
        var signed = SignedS3Put(Alice, body);
        AssertAccepted(auth.Authenticate(signed, AuthFamily.S3), Alice);

        var wrong = auth.Authenticate(SignedS3Put(Alice, body, secret: "nope"), AuthFamily.S3);
        AssertError(wrong, "SignatureDoesNotMatch", 403);
        Assert.Equal("AKIAALICE", (string?)wrong.Error!.Fields!["AWSAccessKeyId"]);
        Assert.StartsWith("AWS4-HMAC-SHA256\n20240506T070809Z\n20240506/us-west-2/s3/aws4_request\n", (string?)wrong.Error.Fields["StringToSign"], StringComparison.Ordinal);
        Assert.StartsWith("PUT\n/bucket/key\n", (string?)wrong.Error.Fields["CanonicalRequest"], StringComparison.Ordinal);

        var unknown = auth.Authenticate(SignedS3Put(Alice with { AccessKeyId = "AKIANOBODY" }, body), AuthFamily.S3);
        AssertError(unknown, "InvalidAccessKeyId", 403);
        Assert.Equal("The AWS Access Key Id you provided does not exist in our records.", unknown.Error!.Message);

        var skewed = Authenticator(now: Now.AddMinutes(20)).Authenticate(signed, AuthFamily.S3);
        AssertError(skewed, "RequestTimeTooSkewed", 403);
        Assert.Equal(900000, (long)skewed.Error!.Fields!["MaxAllowedSkewMilliseconds"]!);
        Assert.Equal("20240506T070809Z", (string?)skewed.Error.Fields["RequestTime"]);

        var tamperedBody = auth.Authenticate(With(signed, body: Encoding.UTF8.GetBytes("hellO")), AuthFamily.S3);
        AssertError(tamperedBody, "XAmzContentSHA256Mismatch", 400);

        AssertError(auth.Authenticate(With(signed, headers: h => h["x-amz-meta-color"] = "red"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        var unsigned = auth.Authenticate(With(signed, headers: h => h["x-amz-acl"] = "public-read"), AuthFamily.S3);
        AssertError(unsigned, "AccessDenied", 403);
        Assert.Equal("x-amz-acl", (string?)unsigned.Error!.Fields!["HeadersNotSigned"]);
        AssertError(auth.Authenticate(With(signed, headers: h => h.Remove("x-amz-content-sha256")), AuthFamily.S3), "InvalidRequest", 400);
    }

    [Fact]
    public void S3_signs_the_path_as_sent_and_accepts_unsigned_payloads()
    {
        var auth = Authenticator();
        var body = Encoding.UTF8.GetBytes("x");
        // S3 keys keep dot segments and double slashes; the path is signed exactly as sent.
        var signed = SignedS3Put(Alice, body, path: "/bucket/a/../b//c%20d");
        AssertAccepted(auth.Authenticate(signed, AuthFamily.S3), Alice);
        AssertError(auth.Authenticate(With(signed, path: "/bucket/b/c%20d"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        // A request signed the non-S3 way does not verify as S3, and the other way round.
        AssertError(auth.Authenticate(signed, AuthFamily.Query), "SignatureDoesNotMatch", 403);

        var unsignedPayload = SignedS3Put(Alice, body, payloadHash: PayloadHash.Unsigned);
        AssertAccepted(auth.Authenticate(With(unsignedPayload, body: Encoding.UTF8.GetBytes("anything")), AuthFamily.S3), Alice);
        Assert.Equal(PayloadHash.Unsigned, auth.Authenticate(unsignedPayload, AuthFamily.S3).ContentSha256);
    }

    [Fact]
    public void Streamed_s3_body_is_checked_against_its_hash_when_read()
    {
        var auth = Authenticator();
        var body = Encoding.UTF8.GetBytes("streamed body");
        var signed = SignedS3Put(Alice, body);
        var good = new Stratus.Protocols.Server.ServerRequest
        {
            Method = signed.Method, Path = signed.Path, Query = signed.Query, Headers = signed.Headers, Host = signed.Host, BodyStream = new MemoryStream(body),
        };
        var result = auth.Authenticate(good, AuthFamily.S3);
        AssertAccepted(result, Alice);
        using (var reader = result.OpenBody(good.BodyStream!))
        {
            var copy = new MemoryStream();
            reader.CopyTo(copy);
            Assert.Equal(body, copy.ToArray());
        }
        using var bad = result.OpenBody(new MemoryStream(Encoding.UTF8.GetBytes("streamed bodY")));
        var error = Assert.Throws<MockServiceException>(() => bad.CopyTo(Stream.Null));
        Assert.Equal("XAmzContentSHA256Mismatch", error.Error.Code);
    }

    [Fact]
    public void Ec2_and_json_families_use_their_codes()
    {
        var auth = Authenticator();
        AssertError(auth.Authenticate(SignedSts(Alice, secret: "x"), AuthFamily.Ec2), "AuthFailure", 401);
        AssertError(auth.Authenticate(SignedSts(Alice with { AccessKeyId = "AKIAX" }), AuthFamily.Ec2), "AuthFailure", 401);
        AssertError(auth.Authenticate(SignedSts(Alice, time: Now.AddHours(-1)), AuthFamily.Ec2), "RequestExpired", 400);

        AssertError(auth.Authenticate(SignedSts(Alice, secret: "x"), AuthFamily.Json), "InvalidSignatureException", 400);
        var unknown = auth.Authenticate(SignedSts(Alice with { AccessKeyId = "AKIAX" }), AuthFamily.Json);
        AssertError(unknown, "UnrecognizedClientException", 400);
        Assert.Equal("The security token included in the request is invalid.", unknown.Error!.Message);
        var stale = auth.Authenticate(SignedSts(Alice, time: Now.AddHours(-1)), AuthFamily.Json);
        AssertError(stale, "InvalidSignatureException", 400);
        Assert.StartsWith("Signature expired:", stale.Error!.Message, StringComparison.Ordinal);

        AssertError(auth.Authenticate(SignedSts(Alice, secret: "x"), AuthFamily.RestJson), "InvalidSignatureException", 403);
        AssertError(auth.Authenticate(SignedSts(Alice with { AccessKeyId = "AKIAX" }), AuthFamily.RestJson), "UnrecognizedClientException", 403);
    }

    [Fact]
    public void Malformed_authorization_is_reported()
    {
        var auth = Authenticator();
        var signed = SignedSts(Alice);
        var noSignature = With(signed, headers: h => h["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAALICE/20240506/us-west-2/sts/aws4_request, SignedHeaders=host");
        AssertError(auth.Authenticate(noSignature, AuthFamily.Query), "IncompleteSignature", 400);
        AssertError(auth.Authenticate(noSignature, AuthFamily.Json), "IncompleteSignatureException", 400);
        AssertError(auth.Authenticate(noSignature, AuthFamily.S3), "AuthorizationHeaderMalformed", 400);
        var badScope = With(signed, headers: h => h["Authorization"] = h["Authorization"].Replace("/sts/aws4_request", "/sts/aws5_request", StringComparison.Ordinal));
        AssertError(auth.Authenticate(badScope, AuthFamily.Query), "IncompleteSignature", 400);
        AssertError(auth.Authenticate(With(signed, headers: h => h["Authorization"] = "Bearer abc"), AuthFamily.S3), "InvalidArgument", 400);
        AssertError(auth.Authenticate(With(signed, headers: h => h.Remove("X-Amz-Date")), AuthFamily.Query), "IncompleteSignature", 400);
        AssertError(auth.Authenticate(With(signed, headers: h => h.Remove("X-Amz-Date")), AuthFamily.S3), "AccessDenied", 403);
        // A scope date that is not the X-Amz-Date's.
        var otherDay = With(signed, headers: h => h["Authorization"] = h["Authorization"].Replace("/20240506/", "/20240505/", StringComparison.Ordinal));
        AssertError(auth.Authenticate(otherDay, AuthFamily.Query), "IncompleteSignature", 400);
    }

    [Fact]
    public void HttpRequestMessage_signed_by_the_client_is_accepted()
    {
        var auth = Authenticator();
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://dynamodb.us-west-2.amazonaws.com/?x=1%2F2")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"TableName\":\"t\"}")),
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.DescribeTable");
        SigV4Signer.Sign(message, CredentialsOf(Temp), Options("dynamodb"));
        var received = Received(message);
        var result = auth.Authenticate(received, AuthFamily.Json);
        AssertAccepted(result, Temp);
        Assert.Equal("dynamodb", result.Service);
        AssertError(auth.Authenticate(With(received, headers: h => h["X-Amz-Target"] = "DynamoDB_20120810.DeleteTable"), AuthFamily.Json), "InvalidSignatureException", 400);
    }

    [Fact]
    public void SigV4a_header_signature_is_verified()
    {
        var auth = Authenticator();
        var request = new SigningRequest { Method = "GET", Path = "/bucket/key", Host = "mrap.accesspoint.s3-global.amazonaws.com" };
        SigV4aSigner.Sign(request, CredentialsOf(Alice), Options("s3", s3: true, payloadHash: PayloadHash.Empty, region: "us-west-2"));
        var received = Received(request);
        var result = auth.Authenticate(received, AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.Equal(AuthScheme.SigV4a, result.Scheme);
        Assert.Equal("us-west-2", result.Region);
        Assert.Equal("s3", result.Service);
        AssertError(auth.Authenticate(With(received, path: "/bucket/other"), AuthFamily.S3), "SignatureDoesNotMatch", 403);

        var wildcard = new SigningRequest { Method = "GET", Path = "/", Host = "example.com" };
        SigV4aSigner.Sign(wildcard, new Stratus.Credentials.AwsCredentials(Alice.AccessKeyId, "wrong"), Options("s3", s3: true, payloadHash: PayloadHash.Empty, region: "*"));
        AssertError(auth.Authenticate(Received(wildcard), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        Assert.Null(Authenticator(verify: false).Authenticate(Received(wildcard), AuthFamily.S3).Region);
    }
}
