using System.Globalization;
using System.Text;
using Stratus.Protocols;
using Stratus.Protocols.Server;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;
using static Stratus.Tests.Mock.Auth.AuthFixture;

namespace Stratus.Tests.Mock.Auth;

/// <summary>S3's SigV2 (header and presigned) and the query services' SigV2, signed by the client signers.</summary>
public class SigV2AuthTests
{
    private static ServerRequest S3Signed(MockAccount account, string? secret = null, DateTimeOffset? time = null, string path = "/bucket/photo.jpg", string? resource = null)
    {
        var request = new SigningRequest { Method = "PUT", Path = path, Host = "s3.amazonaws.com" };
        request.Headers["Content-Type"] = "image/jpeg";
        request.Headers["x-amz-meta-owner"] = "me";
        request.Query.Add(new("acl", null));
        var credentials = new Stratus.Credentials.AwsCredentials(account.AccessKeyId, secret ?? account.SecretAccessKey, account.SessionToken);
        S3SigV2Signer.Sign(request, credentials, time ?? Now, resource);
        return Received(request);
    }

    [Fact]
    public void S3_header_signature()
    {
        var auth = Authenticator();
        var signed = S3Signed(Alice);
        var result = auth.Authenticate(signed, AuthFamily.S3);
        AssertAccepted(result, Alice);
        Assert.Equal(AuthScheme.S3SigV2, result.Scheme);
        Assert.Null(result.Region);

        AssertError(auth.Authenticate(S3Signed(Alice, secret: "bad"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(S3Signed(Alice with { AccessKeyId = "AKIAWHO" }), AuthFamily.S3), "InvalidAccessKeyId", 403);
        AssertError(auth.Authenticate(S3Signed(Alice, time: Now.AddMinutes(-16)), AuthFamily.S3), "RequestTimeTooSkewed", 403);
        AssertError(auth.Authenticate(With(signed, headers: h => h["x-amz-meta-owner"] = "you"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, headers: h => h["Content-Type"] = "text/html"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, path: "/bucket/other.jpg"), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, query: [new("policy", null)]), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, headers: h => h.Remove("Date")), AuthFamily.S3), "AccessDenied", 403);

        var temp = S3Signed(Temp);
        AssertAccepted(auth.Authenticate(temp, AuthFamily.S3), Temp);
        AssertError(auth.Authenticate(With(temp, headers: h => h["x-amz-security-token"] = "forged"), AuthFamily.S3), "InvalidToken", 400);
    }

    [Fact]
    public void S3_virtual_hosted_request_signs_the_path_style_resource()
    {
        var signed = S3Signed(Alice, path: "/photo.jpg", resource: "/bucket/photo.jpg");
        AssertAccepted(Authenticator().Authenticate(signed, AuthFamily.S3, virtualHostBucket: "bucket"), Alice);
        AssertError(Authenticator().Authenticate(signed, AuthFamily.S3), "SignatureDoesNotMatch", 403);
    }

    [Fact]
    public void S3_presigned_url()
    {
        var request = new SigningRequest { Method = "GET", Path = "/bucket/report.pdf", Host = "s3.amazonaws.com" };
        request.Query.Add(new("response-content-disposition", "attachment"));
        S3SigV2Signer.Presign(request, CredentialsOf(Temp), Now.AddMinutes(5));
        var signed = Received(request);
        var result = Authenticator().Authenticate(signed, AuthFamily.S3);
        AssertAccepted(result, Temp);
        Assert.Equal(AuthScheme.S3SigV2Query, result.Scheme);

        var expired = Authenticator(now: Now.AddMinutes(6)).Authenticate(signed, AuthFamily.S3);
        AssertError(expired, "AccessDenied", 403);
        Assert.Equal("Request has expired", expired.Error!.Message);
        AssertError(Authenticator().Authenticate(With(signed, query: ReplaceQuery(signed, "Expires", Now.AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))), AuthFamily.S3), "SignatureDoesNotMatch", 403);
        AssertError(Authenticator().Authenticate(With(signed, query: ReplaceQuery(signed, "response-content-disposition", "inline")), AuthFamily.S3), "SignatureDoesNotMatch", 403);
    }

    [Fact]
    public void Query_signature_in_the_query_string()
    {
        var request = new SigningRequest { Method = "GET", Path = "/", Host = "sqs.us-east-1.amazonaws.com" };
        request.Query.Add(new("Action", "ListQueues"));
        request.Query.Add(new("QueueNamePrefix", "a b+c"));
        SigV2Signer.Sign(request, CredentialsOf(Alice), Now);
        var signed = Received(request);
        var auth = Authenticator();
        var result = auth.Authenticate(signed, AuthFamily.Query);
        AssertAccepted(result, Alice);
        Assert.Equal(AuthScheme.SigV2, result.Scheme);

        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "QueueNamePrefix", "x")), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "AWSAccessKeyId", "AKIAWHO")), AuthFamily.Query), "InvalidClientTokenId", 403);
        var stale = Authenticator(now: Now.AddMinutes(30)).Authenticate(signed, AuthFamily.Query);
        AssertError(stale, "SignatureDoesNotMatch", 403);
        Assert.StartsWith("Signature expired:", stale.Error!.Message, StringComparison.Ordinal);
        AssertError(auth.Authenticate(With(signed, query: ReplaceQuery(signed, "SignatureMethod", "HmacSHA1")), AuthFamily.Query), "SignatureDoesNotMatch", 403);
    }

    [Fact]
    public void Query_signature_in_a_form_body()
    {
        var parameters = new List<KeyValuePair<string, string?>> { new("Action", "GetCallerIdentity"), new("Version", "2011-06-15") };
        SigV2Signer.Sign(parameters, "POST", "sts.amazonaws.com", "/", CredentialsOf(Temp), Now);
        var body = Encoding.UTF8.GetBytes(string.Join('&', parameters.Select(p => UriEncoding.Encode(p.Key) + "=" + UriEncoding.Encode(p.Value ?? ""))));
        var request = new ServerRequest
        {
            Method = "POST",
            Path = "/",
            Host = "sts.amazonaws.com",
            Headers = new(StringComparer.OrdinalIgnoreCase) { ["Host"] = "sts.amazonaws.com", ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" },
            Body = body,
        };
        var auth = Authenticator();
        AssertAccepted(auth.Authenticate(request, AuthFamily.Query), Temp);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("2011-06-15", "2011-06-16", StringComparison.Ordinal));
        AssertError(auth.Authenticate(With(request, body: tampered), AuthFamily.Query), "SignatureDoesNotMatch", 403);
        var forgedToken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("the-session-token", "other", StringComparison.Ordinal));
        AssertError(auth.Authenticate(With(request, body: forgedToken), AuthFamily.Query), "InvalidClientTokenId", 403);
    }
}
