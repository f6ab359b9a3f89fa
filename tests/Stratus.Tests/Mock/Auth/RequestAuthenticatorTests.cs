using Stratus.Protocols.Server;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;
using static Stratus.Tests.Mock.Auth.AuthFixture;

namespace Stratus.Tests.Mock.Auth;

/// <summary>Anonymous requests, verification off, and the service families.</summary>
public class RequestAuthenticatorTests
{
    private static ServerRequest Signed(MockAccount account, string secret)
    {
        var request = new SigningRequest { Method = "GET", Path = "/", Host = "sqs.us-east-1.amazonaws.com" };
        request.Query.Add(new("Action", "ListQueues"));
        SigV4Signer.Sign(request, new Stratus.Credentials.AwsCredentials(account.AccessKeyId, secret), Options("sqs", payloadHash: PayloadHash.Empty, region: "eu-west-1"));
        return Received(request);
    }

    [Fact]
    public void Unsigned_request_is_anonymous()
    {
        var request = new ServerRequest { Method = "GET", Path = "/bucket/public.txt", Host = "s3.amazonaws.com" };
        var result = Authenticator().Authenticate(request, AuthFamily.S3);
        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.Equal(AuthScheme.None, result.Scheme);
        Assert.Same(MockAccount.Default, result.Account);
        Assert.Null(result.AccessKeyId);
        Assert.Null(result.Region);
        Assert.False(result.Verified);
        Assert.Equal("AccessDenied", AuthErrors.MissingAuthentication(AuthFamily.S3).Code);
        Assert.Equal("MissingAuthenticationToken", AuthErrors.MissingAuthentication(AuthFamily.Query).Code);
        Assert.Equal("MissingAuthenticationTokenException", AuthErrors.MissingAuthentication(AuthFamily.Json).Code);
    }

    [Fact]
    public void Verification_off_identifies_the_caller_by_its_key()
    {
        var auth = Authenticator(verify: false);
        Assert.False(auth.Verify);
        var wrongSecret = auth.Authenticate(Signed(Alice, "not-the-secret"), AuthFamily.Query);
        AssertAccepted(wrongSecret, Alice);
        Assert.False(wrongSecret.Verified);
        Assert.Equal("eu-west-1", wrongSecret.Region);
        Assert.Equal("sqs", wrongSecret.Service);

        var unknown = auth.Authenticate(Signed(Alice with { AccessKeyId = "AKIASTRANGER" }, "x"), AuthFamily.Query);
        AssertAccepted(unknown, MockAccount.Default);
        Assert.Equal("AKIASTRANGER", unknown.AccessKeyId);
        Assert.Equal("eu-west-1", unknown.Region);

        var stale = Authenticator(verify: false, now: Now.AddDays(3)).Authenticate(Signed(Alice, "x"), AuthFamily.Query);
        AssertAccepted(stale, Alice);

        var anonymous = auth.Authenticate(new ServerRequest(), AuthFamily.Query);
        Assert.True(anonymous.IsAnonymous);
        Assert.Same(MockAccount.Default, anonymous.Account);
    }

    [Fact]
    public void Custom_default_account_and_skew()
    {
        var mine = new MockAccount("999999999999", "AKIAMINE", "s");
        var auth = new RequestAuthenticator(new MockAccounts([Alice]), TimeProvider.System, verify: false, defaultAccount: mine) { MaxSkew = TimeSpan.FromMinutes(5) };
        Assert.Same(mine, auth.Authenticate(new ServerRequest(), AuthFamily.S3).Account);
        Assert.Equal(TimeSpan.FromMinutes(5), auth.MaxSkew);
    }

    [Theory]
    [InlineData("rest-xml", "s3", AuthFamily.S3)]
    [InlineData("rest-xml", "s3-outposts", AuthFamily.S3)]
    [InlineData("rest-xml", "route53", AuthFamily.Query)]
    [InlineData("query", "sts", AuthFamily.Query)]
    [InlineData("query", "sqs", AuthFamily.Query)]
    [InlineData("ec2", "ec2", AuthFamily.Ec2)]
    [InlineData("json", "dynamodb", AuthFamily.Json)]
    [InlineData("json", "sqs", AuthFamily.Json)]
    [InlineData("smithy-rpc-v2-cbor", "monitoring", AuthFamily.Json)]
    [InlineData("rest-json", "lambda", AuthFamily.RestJson)]
    public void Family_follows_the_protocol(string protocol, string signingName, AuthFamily family) =>
        Assert.Equal(family, RequestAuthenticator.FamilyOf(protocol, signingName));

    [Fact]
    public void Rejected_result_cannot_open_a_body()
    {
        var result = Authenticator().Authenticate(Signed(Alice, "wrong"), AuthFamily.Query);
        Assert.Throws<InvalidOperationException>(() => result.OpenBody(Stream.Null));
    }
}
