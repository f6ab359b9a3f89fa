using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Protocols.Server;
using Stratus.Testing.Mock;
using Stratus.Testing.Services.Sts;

namespace Stratus.Tests.Mock.Sts;

public sealed class StsServiceTests
{
    private static readonly ServiceModel Model = ModelLoader.Default.LoadService("sts");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly MockAccounts _accounts = new([MockAccount.Default]);
    private readonly StsService _sts = new();

    private async Task<JsonObject> CallAsync(string operation, JsonObject input, MockAccount? caller = null) =>
        await _sts.InvokeAsync(
            new MockCallContext(caller ?? MockAccount.Default, "us-east-1", new ServerRequest(), Model, new Uri("http://127.0.0.1:4566/"), new MockBlobStore(), _clock) { Accounts = _accounts },
            Model.GetOperation(operation), input, CancellationToken.None);

    private async Task<MockServiceException> ErrorAsync(string operation, JsonObject input, MockAccount? caller = null) =>
        await Assert.ThrowsAsync<MockServiceException>(() => CallAsync(operation, input, caller));

    private static JsonObject Role(string arn = "arn:aws:iam::123456789012:role/Admin", string session = "me") =>
        new() { ["RoleArn"] = arn, ["RoleSessionName"] = session };

    [Fact]
    public async Task GetCallerIdentityOfTheRootKey()
    {
        var identity = await CallAsync("GetCallerIdentity", []);
        Assert.Equal("000000000000", (string?)identity["Account"]);
        Assert.Equal("arn:aws:iam::000000000000:root", (string?)identity["Arn"]);
        Assert.Equal("000000000000", (string?)identity["UserId"]);

        var user = new MockAccount("111122223333", "AKIDUSER", "s", Arn: "arn:aws:iam::111122223333:user/alice");
        var userIdentity = await CallAsync("GetCallerIdentity", [], user);
        Assert.Equal("arn:aws:iam::111122223333:user/alice", (string?)userIdentity["Arn"]);
        Assert.StartsWith("AIDA", (string?)userIdentity["UserId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRoleIssuesCredentialsTheCloudAccepts()
    {
        var input = Role();
        input["ExternalId"] = "ext-123";
        var result = await CallAsync("AssumeRole", input);
        var credentials = result["Credentials"]!;
        var keyId = (string)credentials["AccessKeyId"]!;
        Assert.StartsWith("ASIA", keyId, StringComparison.Ordinal);
        Assert.Equal(20, keyId.Length);
        Assert.Equal(40, ((string)credentials["SecretAccessKey"]!).Length);
        Assert.False(string.IsNullOrEmpty((string?)credentials["SessionToken"]));
        Assert.True(NativeValues.TryGetTimestamp(credentials["Expiration"], out var expiration));
        Assert.Equal(_clock.GetUtcNow().AddHours(1), expiration);

        var user = result["AssumedRoleUser"]!;
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Admin/me", (string?)user["Arn"]);
        var roleId = (string)user["AssumedRoleId"]!;
        Assert.StartsWith("AROA", roleId, StringComparison.Ordinal);
        Assert.EndsWith(":me", roleId, StringComparison.Ordinal);

        var account = _accounts.Find(keyId, _clock.GetUtcNow());
        Assert.NotNull(account);
        Assert.Equal("123456789012", account.AccountId);
        Assert.Equal((string?)credentials["SecretAccessKey"], account.SecretAccessKey);
        Assert.Equal((string?)credentials["SessionToken"], account.SessionToken);

        var identity = await CallAsync("GetCallerIdentity", [], account);
        Assert.Equal("123456789012", (string?)identity["Account"]);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Admin/me", (string?)identity["Arn"]);
        Assert.Equal(roleId, (string?)identity["UserId"]);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(_accounts.Find(keyId, _clock.GetUtcNow()));
    }

    [Fact]
    public async Task RoleWithAPathAndACustomDuration()
    {
        var input = Role("arn:aws:iam::123456789012:role/service/ci/Deployer", "build-42");
        input["DurationSeconds"] = 900;
        var result = await CallAsync("AssumeRole", input);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Deployer/build-42", (string?)result["AssumedRoleUser"]!["Arn"]);
        Assert.True(NativeValues.TryGetTimestamp(result["Credentials"]!["Expiration"], out var expiration));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(900), expiration);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/Admin", "me", null, null)]
    [InlineData("arn:aws:iam::12345:role/Admin", "me", null, null)]
    [InlineData("not-an-arn-at-all-really", "me", null, null)]
    [InlineData("arn:aws:iam::123456789012:role/Admin", "x", null, null)]
    [InlineData("arn:aws:iam::123456789012:role/Admin", "has space", null, null)]
    [InlineData("arn:aws:iam::123456789012:role/Admin", "me", 899, null)]
    [InlineData("arn:aws:iam::123456789012:role/Admin", "me", 43201, null)]
    [InlineData("arn:aws:iam::123456789012:role/Admin", "me", null, "bad external id!")]
    public async Task AssumeRoleValidatesItsInput(string roleArn, string session, int? duration, string? externalId)
    {
        var input = Role(roleArn, session);
        if (duration is not null)
        {
            input["DurationSeconds"] = duration;
        }
        if (externalId is not null)
        {
            input["ExternalId"] = externalId;
        }
        var e = await ErrorAsync("AssumeRole", input);
        Assert.Equal("ValidationError", e.Error.Code);
        Assert.Equal(400, e.Error.StatusCode);
    }

    [Fact]
    public async Task MissingMembersAreValidationErrors()
    {
        Assert.Equal("ValidationError", (await ErrorAsync("AssumeRole", new JsonObject { ["RoleArn"] = "arn:aws:iam::123456789012:role/Admin" })).Error.Code);
        Assert.Equal("ValidationError", (await ErrorAsync("AssumeRole", new JsonObject { ["RoleSessionName"] = "me" })).Error.Code);
    }

    [Fact]
    public async Task RoleChainingIsLimitedToAnHour()
    {
        var first = await CallAsync("AssumeRole", Role());
        var chained = _accounts.Find((string)first["Credentials"]!["AccessKeyId"]!, _clock.GetUtcNow())!;
        var input = Role("arn:aws:iam::123456789012:role/Other", "hop");
        input["DurationSeconds"] = 7200;
        Assert.Equal("ValidationError", (await ErrorAsync("AssumeRole", input, chained)).Error.Code);
        input["DurationSeconds"] = 3600;
        var second = await CallAsync("AssumeRole", input, chained);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Other/hop", (string?)second["AssumedRoleUser"]!["Arn"]);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentityReadsTheTokenSubject()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var jwt = Part("""{"alg":"none"}""") + "." + Part("""{"sub":"user-7","aud":"my-app","iss":"https://issuer.example"}""") + ".sig";
        var input = Role("arn:aws:iam::123456789012:role/Web", "web");
        input["WebIdentityToken"] = jwt;
        var result = await CallAsync("AssumeRoleWithWebIdentity", input);
        Assert.Equal("user-7", (string?)result["SubjectFromWebIdentityToken"]);
        Assert.Equal("my-app", (string?)result["Audience"]);
        Assert.Equal("issuer.example", (string?)result["Provider"]);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/Web/web", (string?)result["AssumedRoleUser"]!["Arn"]);
        Assert.NotNull(_accounts.Find((string)result["Credentials"]!["AccessKeyId"]!, _clock.GetUtcNow()));

        var opaque = Role("arn:aws:iam::123456789012:role/Web", "web");
        opaque["WebIdentityToken"] = "any-opaque-token";
        Assert.False(string.IsNullOrEmpty((string?)(await CallAsync("AssumeRoleWithWebIdentity", opaque))["SubjectFromWebIdentityToken"]));

        var empty = Role("arn:aws:iam::123456789012:role/Web", "web");
        empty["WebIdentityToken"] = "";
        Assert.Equal("ValidationError", (await ErrorAsync("AssumeRoleWithWebIdentity", empty)).Error.Code);
    }

    [Fact]
    public async Task GetSessionToken()
    {
        var root = await CallAsync("GetSessionToken", new JsonObject { ["DurationSeconds"] = 7200 });
        Assert.True(NativeValues.TryGetTimestamp(root["Credentials"]!["Expiration"], out var rootExpiration));
        Assert.Equal(_clock.GetUtcNow().AddHours(1), rootExpiration);

        var alice = new MockAccount("111122223333", "AKIDALICE", "s", Arn: "arn:aws:iam::111122223333:user/alice");
        var session = await CallAsync("GetSessionToken", [], alice);
        Assert.True(NativeValues.TryGetTimestamp(session["Credentials"]!["Expiration"], out var expiration));
        Assert.Equal(_clock.GetUtcNow().AddHours(12), expiration);
        var key = _accounts.Find((string)session["Credentials"]!["AccessKeyId"]!, _clock.GetUtcNow())!;
        Assert.Equal("arn:aws:iam::111122223333:user/alice", key.CallerArn);

        var denied = await ErrorAsync("GetSessionToken", [], key);
        Assert.Equal("AccessDenied", denied.Error.Code);
        Assert.Equal(403, denied.Error.StatusCode);
        Assert.Equal("ValidationError", (await ErrorAsync("GetSessionToken", new JsonObject { ["DurationSeconds"] = 129_601 }, alice)).Error.Code);
    }
}
