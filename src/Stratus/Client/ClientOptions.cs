using Microsoft.Extensions.Logging;
using Stratus.Credentials;
using Stratus.Models;
using Stratus.Pipeline;

namespace Stratus.Client;

/// <summary>How to reach and call a service. Unset values come from the environment.</summary>
public sealed class ClientOptions
{
    /// <summary>The region, for example <c>us-east-1</c>. Default: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the profile's <c>region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>An explicit endpoint (for example a local emulator or the mock cloud), instead of the resolved one.</summary>
    public Uri? EndpointUrl { get; set; }

    /// <summary>Fixed credentials; when set, <see cref="CredentialsProvider"/> and the default chain are not used.</summary>
    public AwsCredentials? Credentials { get; set; }

    /// <summary>
    /// Where credentials come from when <see cref="Credentials"/> is not set. Default: the
    /// <see cref="DefaultCredentialsChain"/> for <see cref="Profile"/>. Either way the client resolves them on its
    /// first signed call (never in its constructor) and caches them (<see cref="CachingCredentialsProvider"/>).
    /// </summary>
    public CredentialsProvider? CredentialsProvider { get; set; }

    /// <summary>
    /// The shared-config profile for the default credential chain and the region. Default: <c>AWS_PROFILE</c>,
    /// then <c>default</c>. Setting it makes the chain skip the credential environment variables, as in botocore.
    /// </summary>
    public string? Profile { get; set; }

    /// <summary>
    /// Speak this protocol instead of the model's first supported one (for example <c>query</c> for an SQS
    /// emulator that predates SQS's JSON protocol). The shapes are the same; only the wire format changes.
    /// When the service has a model made for that protocol (a protocol variant, such as SQS's <c>query</c>
    /// model: see <see cref="ModelLoader.ProtocolsOf"/>), the client loads it, so that protocol's wire traits apply.
    /// </summary>
    public string? Protocol { get; set; }

    /// <summary>
    /// The signature scheme. Default (null): the model's and endpoint rules' choice (SigV4, or SigV4a where the
    /// rules ask for it). <c>v4</c>: the same, said explicitly. <c>s3v2</c>: S3's legacy HmacSHA1 signature
    /// (<c>Authorization: AWS key:signature</c>), for older S3-compatible servers; S3 only, with path-style
    /// addressing (the default with <see cref="EndpointUrl"/>). The names follow the models' <c>signatureVersion</c>
    /// values (<c>v4</c>, <c>s3v4</c>); botocore calls S3's SigV2 <c>s3</c>, which S3's own model uses for SigV4.
    /// </summary>
    public string? SignatureVersion { get; set; }

    /// <summary>
    /// A cloud provider other than AWS (see <see cref="Stratus.Providers.CloudProvider"/>): the client then takes its
    /// models, endpoint, signer and error mapping from the provider, and none of the AWS ones (no region, credential
    /// chain or endpoint rules are needed). Default: null (AWS).
    /// </summary>
    public Stratus.Providers.CloudProvider? Provider { get; set; }

    /// <summary>
    /// When uploads carry flexible checksums (<c>x-amz-checksum-*</c> headers, <c>x-amz-sdk-checksum-algorithm</c>,
    /// full-object multipart checksums), named as botocore and the AWS CLI name the setting:
    /// <c>when_supported</c> (default): the transfer manager sends its checksum with every upload;
    /// <c>when_required</c>: only where the operation requires a checksum (and then as <c>Content-MD5</c>), for
    /// S3-compatible servers that lack flexible checksums (Google Cloud Storage, Backblaze B2, older Ceph RGW).
    /// Default: <c>AWS_REQUEST_CHECKSUM_CALCULATION</c>, else <c>when_supported</c>.
    /// </summary>
    public string? RequestChecksumCalculation { get; set; } = Environment.GetEnvironmentVariable("AWS_REQUEST_CHECKSUM_CALCULATION")?.ToLowerInvariant();

    /// <summary>Send requests unsigned (for public resources and servers that need no authentication).</summary>
    public bool Unsigned { get; set; }

    /// <summary>
    /// Use path-style S3 addressing (<c>https://host/bucket/key</c>) instead of virtual-hosted (<c>https://bucket.host/key</c>).
    /// Default (null): path style when <see cref="EndpointUrl"/> is set (emulators, S3-compatible servers), virtual-hosted otherwise.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Use FIPS endpoints. Default: <c>AWS_USE_FIPS_ENDPOINT</c>.</summary>
    public bool UseFips { get; set; } = EnvFlag("AWS_USE_FIPS_ENDPOINT");

    /// <summary>Use dual-stack (IPv4 and IPv6) endpoints. Default: <c>AWS_USE_DUALSTACK_ENDPOINT</c>.</summary>
    public bool UseDualStack { get; set; } = EnvFlag("AWS_USE_DUALSTACK_ENDPOINT");

    /// <summary>How to connect (proxy, TLS, timeouts, pool size). Ignored when <see cref="Transport"/> is set.</summary>
    public Stratus.Transport.ConnectionOptions Connection { get; set; } = new();

    /// <summary>The transport. Default: a pooled handler shared by every client with equal <see cref="Connection"/> options. Give an in-memory handler to test without a network.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Where models come from. Default: <see cref="ModelLoader.Default"/> (the bundle, plus <c>STRATUS_MODEL_PATH</c>).</summary>
    public ModelLoader? Models { get; set; }

    /// <summary>The time allowed for a whole call, including reading a non-streaming body. Default: 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How failed attempts are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Where to log: one line per attempt at debug level, a redacted wire log at trace level. Default: nowhere.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Whether to check input against the model before sending. Default: true.</summary>
    public bool ValidateInput { get; set; } = true;

    /// <summary>The clock used to sign requests. Default: the system clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private static bool EnvFlag(string name) => string.Equals(Environment.GetEnvironmentVariable(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Shows the settings, never the credentials' secret.</summary>
    public override string ToString() =>
        $"ClientOptions {{ Provider = {Provider?.Name ?? "aws"}, Region = {Region}, EndpointUrl = {EndpointUrl}, Credentials = {Credentials?.ToString() ?? CredentialsProvider?.Name ?? "(default)"}, Profile = {Profile}, SignatureVersion = {SignatureVersion}, Unsigned = {Unsigned} }}";
}
