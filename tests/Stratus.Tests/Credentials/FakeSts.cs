using System.Collections.Concurrent;
using System.Globalization;

namespace Stratus.Tests.Credentials;

/// <summary>
/// A loopback STS answering AssumeRole and AssumeRoleWithWebIdentity in the query protocol's XML. The
/// access key id it gives is <c>ASIA-</c> and the role's name, so a chain of roles can be followed.
/// </summary>
public sealed class FakeSts : IDisposable
{
    private readonly LoopbackServer _server;

    public FakeSts(Func<IReadOnlyDictionary<string, string>, LoopbackServer.Response?>? intercept = null)
    {
        _server = new LoopbackServer(request =>
        {
            var form = Form(request.Body);
            Calls.Enqueue((request, form));
            return intercept?.Invoke(form) ?? Answer(form);
        });
    }

    public Uri Url => _server.Url;

    public ConcurrentQueue<(LoopbackServer.Request Request, IReadOnlyDictionary<string, string> Form)> Calls { get; } = new();

    public static LoopbackServer.Response Error(int status, string code, string message) => new(status, $"""
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>4a2b6f30-0000-0000-0000-000000000000</RequestId>
        </ErrorResponse>
        """, "text/xml");

    private static LoopbackServer.Response Answer(IReadOnlyDictionary<string, string> form)
    {
        var action = form["Action"];
        var role = form["RoleArn"][(form["RoleArn"].LastIndexOf('/') + 1)..];
        return new(200, $"""
            <{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <{action}Result>
                <AssumedRoleUser>
                  <Arn>arn:aws:sts::123456789012:assumed-role/{role}/{form["RoleSessionName"]}</Arn>
                  <AssumedRoleId>AROAEXAMPLE:{form["RoleSessionName"]}</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>ASIA-{role}</AccessKeyId>
                  <SecretAccessKey>SECRET-{role}</SecretAccessKey>
                  <SessionToken>TOKEN-{role}</SessionToken>
                  <Expiration>2030-01-01T01:00:00Z</Expiration>
                </Credentials>
              </{action}Result>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </{action}Response>
            """, "text/xml");
    }

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')),
                p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);

    public static string Signer(LoopbackServer.Request request)
    {
        var authorization = request.Header("Authorization") ?? "";
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        return start < 0 ? "" : authorization[(start + 11)..].Split('/')[0];
    }

    public static DateTimeOffset Expiration => DateTimeOffset.Parse("2030-01-01T01:00:00Z", CultureInfo.InvariantCulture);

    public void Dispose() => _server.Dispose();
}
