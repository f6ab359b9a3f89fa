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
    /// </summary>
    public string? Protocol { get; set; }

    /// <summary>Send requests unsigned (for public resources and servers that need no authentication).</summary>
    public bool Unsigned { get; set; }

    /// <summary>Use path-style S3 addressing (<c>https://host/bucket/key</c>). Stratus uses path style whenever an endpoint URL is given.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>The transport. Default: a pooled handler shared by every client. Give an in-memory handler to test without a network.</summary>
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

    /// <summary>Shows the settings, never the credentials' secret.</summary>
    public override string ToString() =>
        $"ClientOptions {{ Region = {Region}, EndpointUrl = {EndpointUrl}, Credentials = {Credentials?.ToString() ?? CredentialsProvider?.Name ?? "(default)"}, Profile = {Profile}, Unsigned = {Unsigned} }}";
}
