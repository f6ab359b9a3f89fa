using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Pipeline;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Client;

/// <summary>No secret key, session token or signature appears in any log line or exception of a run.</summary>
public sealed class SecretRedactionTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzzSECRETzz";
    private const string Token = "FwoGZXIvYXdzEXAMPLEzzTOKENzzSessionToken0123456789";

    [Fact]
    public async Task LogsAndExceptionsCarryNoSecrets()
    {
        var logger = new ListLogger();
        await using var server = new FaultServer()
            .Respond(200, """{"TableNames":["a"]}""", headers: ("x-amzn-RequestId", "r1"))
            .Respond(400, """{"__type":"AccessDeniedException","message":"no"}""")
            .ResetMidBody()
            .Respond(500, """{"__type":"InternalServerError"}""");
        using var ddb = Aws.Connect("dynamodb", new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = server.Url,
            Credentials = new AwsCredentials("AKIDEXAMPLE", Secret, Token),
            Logger = logger,
            Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1) },
        });
        var messages = new List<string>();
        await ddb.CallAsync("ListTables");
        messages.Add((await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("ListTables"))).ToString());
        messages.Add((await Assert.ThrowsAnyAsync<StratusException>(() => ddb.CallAsync("ListTables"))).ToString());
        messages.Add(Assert.Throws<ClientException>(() => ddb.Call("PutItem", new JsonObject { ["TableName"] = Secret })).ToString());

        Assert.Contains(logger.Lines, l => l.Contains("Authorization: ***", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Contains("X-Amz-Security-Token: ***", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Contains("attempt 1", StringComparison.Ordinal));
        foreach (var text in logger.Lines.Concat(messages))
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PresignedUrlsAreRedacted()
    {
        var url = "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830&X-Amz-Signature=abcdef0123&X-Amz-Security-Token=" + Token;
        var redacted = WireLog.RedactUrl(url);
        Assert.DoesNotContain("abcdef0123", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, redacted, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", redacted, StringComparison.Ordinal);
    }
}
