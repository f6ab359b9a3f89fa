using System.Text;
using Stratus.Conformance;
using Stratus.Protocols.Server;
using Stratus.Signing;
using Stratus.Testing.Mock;
using Stratus.Testing.Mock.Auth;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Mock.Auth;

/// <summary>
/// The classic AWS SigV4 suite from the server's side: each case's request, with the Authorization header
/// AWS published for it (<c>.authz</c>), verifies with the suite's fixed credentials and clock; and the
/// same request with one signature character changed does not.
/// </summary>
public class SigV4SuiteAuthTests
{
    private const string AccessKeyId = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [ConformanceFact("sigv4")]
    public void Every_classic_case_verifies_against_its_authz()
    {
        var root = ConformancePaths.Find("sigv4")!;
        var cases = SigV4Suite.FindCases(root);
        Assert.Equal(34, cases.Count);
        var failures = new StringBuilder();
        foreach (var dir in cases)
        {
            var name = Path.GetFileName(dir);
            var file = Path.Combine(dir, name);
            var raw = RawHttpRequest.Parse(File.ReadAllText(file + ".req", Encoding.UTF8));
            var signedRaw = RawHttpRequest.Parse(File.ReadAllText(file + ".sreq", Encoding.UTF8));
            var authorization = File.ReadAllText(file + ".authz", Encoding.UTF8).Trim();
            // The session token is an input the .req does not show; the .sreq has it.
            var token = signedRaw.Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)).Value;
            var request = ToServerRequest(raw, authorization, token);
            var accounts = new MockAccounts([new MockAccount("123456789012", AccessKeyId, Secret, token)]);
            var authenticator = new RequestAuthenticator(accounts, new FixedClock(Time));

            var result = authenticator.Authenticate(request, AuthFamily.Query);
            if (!result.Succeeded || result.Region != "us-east-1" || result.Service != "service")
            {
                failures.AppendLine($"{name}: {result.Error?.Code} {result.Error?.Message} region={result.Region} service={result.Service}");
            }
            var last = authorization[^1];
            var forged = ToServerRequest(raw, authorization[..^1] + (last == '0' ? '1' : '0'), token);
            var rejected = authenticator.Authenticate(forged, AuthFamily.Query);
            if (rejected.Error?.Code != "SignatureDoesNotMatch")
            {
                failures.AppendLine($"{name}: a forged signature gave {rejected.Error?.Code ?? "success"}");
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>The raw request as the server receives it: path as written, query decoded, repeated headers joined with ','.</summary>
    private static ServerRequest ToServerRequest(RawHttpRequest raw, string authorization, string? token)
    {
        var query = new List<KeyValuePair<string, string?>>();
        HttpRequestAdapter.ParseQuery(raw.Query, query);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in raw.Headers)
        {
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + "," + value : value;
        }
        headers["Authorization"] = authorization;
        if (token is not null)
        {
            headers.TryAdd("X-Amz-Security-Token", token);
        }
        return new ServerRequest
        {
            Method = raw.Method,
            Path = raw.Path,
            Query = query,
            Headers = headers,
            Host = headers.TryGetValue("Host", out var host) ? host : "",
            Body = raw.Body,
        };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
