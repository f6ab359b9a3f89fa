using Stratus.Tests.TestSupport;
using Stratus.Credentials;
using Stratus.Signing;

namespace Stratus.Tests.Signing;

/// <summary>Secrets never show in text: ToString, exception messages, results.</summary>
public class CredentialsTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Token = "TOKEN-SECRET-VALUE";
    private static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", Secret, Token, DateTimeOffset.UnixEpoch);

    [Fact]
    public void ToString_shows_the_access_key_id_only()
    {
        var text = Credentials.ToString();
        Assert.Contains("AKIDEXAMPLE", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(Token, new BearerToken(Token).ToString());
    }

    [Fact]
    public void Exceptions_never_carry_the_secret_or_token()
    {
        var failures = new List<Exception>
        {
            Assert.ThrowsAny<ArgumentException>(() => new AwsCredentials("AKID", "")),
            Assert.ThrowsAny<ArgumentException>(() => new AwsCredentials("", Secret)),
            Assert.ThrowsAny<ArgumentException>(() => SigV4Signer.Sign(new SigningRequest(), Credentials,
                new SigV4Options { Region = "r", Service = "s", Time = DateTimeOffset.UnixEpoch })),
            Assert.ThrowsAny<ArgumentException>(() => SigV4Signer.Presign(new SigningRequest(), Credentials,
                new SigV4Options { Region = "r", Service = "s", Time = DateTimeOffset.UnixEpoch, PayloadHash = PayloadHash.Empty, Expires = TimeSpan.Zero })),
            Assert.ThrowsAny<ArgumentException>(() => SigV4Signer.Sign(new HttpRequestMessage(), Credentials,
                new SigV4Options { Region = "r", Service = "s", Time = DateTimeOffset.UnixEpoch, PayloadHash = PayloadHash.Empty })),
        };
        using var message = new HttpRequestMessage(HttpMethod.Put, "https://h/") { Content = new StreamContent(new UnseekableStream()) };
        failures.Add(Assert.Throws<InvalidOperationException>(() => SigV4Signer.Sign(message, Credentials,
            new SigV4Options { Region = "r", Service = "s", Time = DateTimeOffset.UnixEpoch })));
        foreach (var failure in failures)
        {
            Assert.DoesNotContain(Secret, failure.ToString());
            Assert.DoesNotContain(Token, failure.ToString());
        }
    }

    [Fact]
    public void Options_and_results_hold_no_secret()
    {
        var options = new SigV4Options { Region = "r", Service = "s", Time = DateTimeOffset.UnixEpoch, PayloadHash = PayloadHash.Empty };
        var result = SigV4Signer.Sign(new SigningRequest { Host = "h" }, new AwsCredentials("AKIDEXAMPLE", Secret), options);
        Assert.DoesNotContain(Secret, options.ToString());
        Assert.DoesNotContain(Secret, result.CanonicalRequest + result.StringToSign + result.Authorization);
    }

    [Fact]
    public void Equality_and_expiry()
    {
        Assert.Equal(new AwsCredentials("A", "S", "T"), new AwsCredentials("A", "S", "T"));
        Assert.NotEqual(new AwsCredentials("A", "S"), new AwsCredentials("A", "S2"));
        Assert.True(Credentials.IsExpiredAt(DateTimeOffset.UnixEpoch));
        Assert.False(new AwsCredentials("A", "S").IsExpiredAt(DateTimeOffset.MaxValue));
        Assert.Null(new AwsCredentials("A", "S", "").SessionToken);
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
