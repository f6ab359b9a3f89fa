using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Pipeline;
using Stratus.Protocols;
using Stratus.Signing;
using Stratus.Tests.TestSupport;

namespace Stratus.Tests.Client;

/// <summary><c>ClientOptions.SignatureVersion</c>: which values are accepted where, and what <c>s3v2</c> sends.</summary>
public sealed class SignatureVersionTests
{
    private static readonly AwsCredentials Credentials = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    private static ServiceClient Connect(string service, string? version, RecordingHandler? handler = null, Uri? endpoint = null, bool? pathStyle = null, TimeProvider? clock = null) =>
        Aws.Connect(service, new ClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = endpoint,
            ForcePathStyle = pathStyle,
            Credentials = Credentials,
            SignatureVersion = version,
            Transport = handler ?? new RecordingHandler(),
            Retry = new RetryOptions { MaxAttempts = 1 },
            Clock = clock ?? TimeProvider.System,
        });

    [Theory]
    [InlineData("s3", null)]
    [InlineData("s3", "v4")]
    [InlineData("s3", "s3v2")]
    [InlineData("dynamodb", "v4")]
    public void Accepted(string service, string? version)
    {
        using var client = Connect(service, version, endpoint: new Uri("http://127.0.0.1:9"));
        Assert.Equal(service, client.Model.Name);
    }

    [Theory]
    [InlineData("dynamodb", "s3v2", "http://127.0.0.1:9", null, "not S3")]
    [InlineData("s3", "s3v2", null, null, "path-style")]
    [InlineData("s3", "s3v2", "http://127.0.0.1:9", false, "path-style")]
    [InlineData("s3", "v3", "http://127.0.0.1:9", null, "unknown SignatureVersion 'v3'")]
    [InlineData("s3", "S3V2", "http://127.0.0.1:9", null, "unknown SignatureVersion")]
    public void Rejected_when_the_client_is_built(string service, string version, string? endpoint, bool? pathStyle, string message)
    {
        var e = Assert.Throws<ClientException>(() => Connect(service, version, endpoint: endpoint is null ? null : new Uri(endpoint), pathStyle: pathStyle));
        Assert.Equal(ClientErrorKind.Unsupported, e.Kind);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3v2_signs_the_Authorization_header_with_HmacSha1_and_does_not_hash_the_body()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var handler = new RecordingHandler().Respond(HttpStatusCode.OK, "", "application/xml", ("ETag", "\"e\""));
        using var s3 = Connect("s3", "s3v2", handler, new Uri("http://127.0.0.1:9"), clock: clock);
        await s3.CallAsync("PutObject", new JsonObject
        {
            ["Bucket"] = "b",
            ["Key"] = "a b/c",
            ["Body"] = NativeValues.Blob("hi"u8.ToArray()),
            ["ContentType"] = "text/plain",
            ["Metadata"] = new JsonObject { ["m"] = "1" },
        });
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("hi"u8.ToArray(), body);
        Assert.Equal("/b/a%20b/c", request.RequestUri!.AbsolutePath);
        Assert.Equal("Wed, 04 Mar 2026 05:06:07 GMT", request.Headers.GetValues("Date").Single());
        Assert.False(request.Headers.Contains("x-amz-content-sha256"));
        Assert.False(request.Headers.Contains("X-Amz-Date"));
        var expected = "PUT\n\ntext/plain\nWed, 04 Mar 2026 05:06:07 GMT\nx-amz-meta-m:1\n/b/a%20b/c";
        Assert.Equal($"AWS {Credentials.AccessKeyId}:{S3SigV2Signer.ComputeSignature(Credentials.SecretAccessKey, expected)}",
            request.Headers.GetValues("Authorization").Single());
    }
}
