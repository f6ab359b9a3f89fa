using Stratus.Protocols.Server;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;
using static Stratus.Tests.Mock.Auth.AuthFixture;

namespace Stratus.Tests.Mock.Auth;

/// <summary>SigV4 and SigV4a presigned URLs (query-string signatures).</summary>
public class SigV4PresignAuthTests
{
    private static ServerRequest PresignedGet(MockAccount account, TimeSpan? expires = null, string? secret = null)
    {
        var request = new SigningRequest { Method = "GET", Path = "/bucket/photos/cat%20pic.jpg", Host = "bucket.s3.us-west-2.amazonaws.com" };
        request.Query.Add(new("response-content-type", "image/jpeg"));
        var credentials = new Stratus.Credentials.AwsCredentials(account.AccessKeyId, secret ?? account.SecretAccessKey, account.SessionToken);
        SigV4Signer.Presign(request, credentials, Options("s3", s3: true, payloadHash: PayloadHash.Unsigned) with { Expires = expires ?? TimeSpan.FromMinutes(10) });
        return Received(request);
    }

    [Fact]
    public void Valid_presigned_url_is_accepted()
    {
        var result = Authenticator().Authenticate(PresignedGet(Alice), AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.Equal(AuthScheme.SigV4Query, result.Scheme);
        Assert.Equal("us-west-2", result.Region);
        Assert.Equal("s3", result.Service);
        // Still valid just before it expires, and long after signing when signed for long.
        AssertAccepted(Authenticator(now: Now.AddMinutes(10)).Authenticate(PresignedGet(Alice), AuthFamily.S3), Alice);
        AssertAccepted(Authenticator(now: Now.AddDays(6)).Authenticate(PresignedGet(Alice, TimeSpan.FromDays(7)), AuthFamily.S3), Alice);
    }

    [Fact]
    public void Expired_presigned_url_is_denied()
    {
        var result = Authenticator(now: Now.AddMinutes(10).AddSeconds(1)).Authenticate(PresignedGet(Alice), AuthFamily.S3);
        AssertError(result, "AccessDenied", 403);
        Assert.Equal("Request has expired", result.Error!.Message);
        Assert.Equal("600", (string?)result.Error.Fields!["X-Amz-Expires"]);
        Assert.Equal("2024-05-06T07:18:09Z", (string?)result.Error.Fields["Expires"]);
        Assert.Equal("2024-05-06T07:18:10Z", (string?)result.Error.Fields["ServerTime"]);

        AssertError(Authenticator(now: Now.AddMinutes(-20)).Authenticate(PresignedGet(Alice), AuthFamily.S3), "AccessDenied", 403);
    }

    [Fact]
    public void Tampered_presigned_url_fails()
    {
        var auth = Authenticator();
        var signed = PresignedGet(Alice);
        AssertError(auth.Authenticate(With(signed, path: "/bucket/photos/dog.jpg"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "response-content-type", "text/html")), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        // Lengthening the validity is the classic forgery.
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "X-Amz-Expires", "604800")), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, query: [.. signed.Query, new("extra", "1")]), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "X-Amz-Expires", "604801")), AuthFamily.S3), "AuthorizationQueryParametersError", 400);
        AssertError(auth.Authenticate(With(signed, query: [.. signed.Query.Where(p => p.Key != "X-Amz-Signature")]), AuthFamily.S3), "AuthorizationQueryParametersError", 400);
        AssertError(auth.Authenticate(PresignedGet(Alice, secret: "bad"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(PresignedGet(Alice with { AccessKeyId = "AKIAWHO" }), AuthFamily.S3), "InvalidAccessKeyId", 403);
    }

    [Fact]
    public void Presigned_session_token_must_match()
    {
        var auth = Authenticator();
        var signed = PresignedGet(Temp);
        AssertAccepted(auth.Authenticate(signed, AuthFamily.S3), Temp);
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "X-Amz-Security-Token", "forged")), AuthFamily.S3), "InvalidToken", 400);
    }

    [Fact]
    public void Non_s3_presigned_request_signs_the_payload_hash()
    {
        // What EKS and RDS do: a presigned STS GetCallerIdentity.
        var request = new SigningRequest { Method = "GET", Path = "/", Host = "sts.us-west-2.amazonaws.com" };
        request.Query.Add(new("Action", "GetCallerIdentity"));
        request.Query.Add(new("Version", "2011-06-15"));
        request.Headers["x-k8s-aws-id"] = "cluster";
        SigV4Signer.Presign(request, CredentialsOf(Alice), Options("sts", payloadHash: PayloadHash.Empty) with { Expires = TimeSpan.FromMinutes(1) });
        var signed = Received(request);
        AssertAccepted(Authenticator().Authenticate(signed, AuthFamily.Query), Alice);
        AssertError(Authenticator().Authenticate(With(signed, headers: h => h["x-k8s-aws-id"] = "other"), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        var expired = Authenticator(now: Now.AddMinutes(2)).Authenticate(signed, AuthFamily.Query);
        AssertError(expired, "SignatureDoesNotMatch", 403);
        Assert.StartsWith("Signature expired: 20240506T070809Z is now earlier than", expired.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Presigned_HttpRequestMessage_is_accepted()
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, new Uri("https://s3.us-west-2.amazonaws.com/bucket/a/../b?x-id=PutObject",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        SigV4Signer.Presign(message, CredentialsOf(Alice), Options("s3", s3: true, payloadHash: PayloadHash.Unsigned));
        var received = Received(message);
        Assert.Equal("/bucket/a/../b", received.Path);
        AssertAccepted(Authenticator().Authenticate(received, AuthFamily.S3), Alice);
    }

    [Fact]
    public void SigV4a_presigned_url_is_verified()
    {
        var request = new SigningRequest { Method = "GET", Path = "/key", Host = "mrap.accesspoint.s3-global.amazonaws.com" };
        SigV4aSigner.Presign(request, CredentialsOf(Alice), Options("s3", s3: true, payloadHash: PayloadHash.Unsigned, region: "us-east-1,us-west-2"));
        var signed = Received(request);
        var result = Authenticator().Authenticate(signed, AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.Equal(AuthScheme.SigV4aQuery, result.Scheme);
        Assert.Null(result.Region);
        AssertError(Authenticator().Authenticate(With(signed, query: ReplaceQuery(signed, "X-Amz-Region-Set", "*")), AuthFamily.S3), "SignatureDoesNotMatch", 403);
    }
}
