using Stratus.Credentials;
using Stratus.Protocols.Server;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;

namespace Stratus.Tests.Mock.Auth;

/// <summary>Accounts, a fixed clock, and requests signed by the client signers turned into requests as the mock server receives them.</summary>
internal static class AuthFixture
{
    public static readonly DateTimeOffset Now = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    public static readonly MockAccount Alice = new("111111111111", "AKIAALICE", "alice-secret");
    public static readonly MockAccount Temp = new("222222222222", "ASIATEMP", "temp-secret", "the-session-token", Now.AddHours(1));
    public static readonly MockAccount Expired = new("333333333333", "ASIAOLD", "old-secret", "old-token", Now.AddMinutes(-1));

    public static AwsCredentials CredentialsOf(MockAccount account) => new(account.AccessKeyId, account.SecretAccessKey, account.SessionToken);

    public static RequestAuthenticator Authenticator(bool verify = true, DateTimeOffset? now = null) =>
        new(new MockAccounts([Alice, Temp, Expired]), new FixedClock(now ?? Now), verify);

    public static SigV4Options Options(string service, bool s3 = false, string? payloadHash = null, DateTimeOffset? time = null, string region = "us-west-2") => new()
    {
        Region = region,
        Service = service,
        Time = time ?? Now,
        S3Variant = s3,
        PayloadHash = payloadHash,
    };

    /// <summary>The request as the server receives it: same path, decoded query, headers, host and body.</summary>
    public static ServerRequest Received(SigningRequest signed, byte[]? body = null, Stream? bodyStream = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in signed.Headers)
        {
            headers[name] = value;
        }
        headers.TryAdd("Host", signed.Host ?? "");
        return new ServerRequest
        {
            Method = signed.Method,
            Path = signed.Path,
            Query = [.. signed.Query],
            Headers = headers,
            Host = signed.Host ?? "",
            Body = body ?? [],
            BodyStream = bodyStream,
        };
    }

    /// <summary>The request a signed <see cref="HttpRequestMessage"/> puts on the wire, as the server receives it.</summary>
    public static ServerRequest Received(HttpRequestMessage message)
    {
        var uri = message.RequestUri!;
        var query = new List<KeyValuePair<string, string?>>();
        HttpRequestAdapter.ParseQuery(uri.Query, query);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers.NonValidated)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }
        byte[] body = [];
        if (message.Content is not null)
        {
            foreach (var header in message.Content.Headers.NonValidated)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
            body = message.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
        var host = message.Headers.Host ?? uri.Authority;
        headers["Host"] = host;
        return new ServerRequest
        {
            Method = message.Method.Method,
            Path = uri.AbsolutePath,
            Query = query,
            Headers = headers,
            Host = host,
            Body = body,
        };
    }

    /// <summary>A copy of a received request with a change applied.</summary>
    public static ServerRequest With(ServerRequest r, string? path = null, List<KeyValuePair<string, string?>>? query = null,
        Action<Dictionary<string, string>>? headers = null, byte[]? body = null, string? method = null)
    {
        var h = new Dictionary<string, string>(r.Headers, StringComparer.OrdinalIgnoreCase);
        headers?.Invoke(h);
        return new ServerRequest
        {
            Method = method ?? r.Method,
            Path = path ?? r.Path,
            Query = query ?? [.. r.Query],
            Headers = h,
            Host = r.Host,
            Body = body ?? r.Body,
            BodyStream = r.BodyStream,
        };
    }

    public static List<KeyValuePair<string, string?>> ReplaceQuery(ServerRequest r, string key, string? value) =>
        [.. r.Query.Select(p => p.Key == key ? new KeyValuePair<string, string?>(key, value) : p)];

    public static void AssertAccepted(AuthenticationResult result, MockAccount account)
    {
        Assert.True(result.Succeeded, result.Error is null ? "" : $"{result.Error.Code}: {result.Error.Message} {result.Error.Fields?.ToJsonString()}");
        Assert.Same(account, result.Account);
        Assert.False(result.IsAnonymous);
    }

    public static void AssertError(AuthenticationResult result, string code, int status)
    {
        Assert.False(result.Succeeded, "the request was accepted");
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(status, result.Error.StatusCode);
        Assert.Null(result.Account);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
