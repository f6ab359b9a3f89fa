using System.Globalization;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// The credentials of the EC2 instance's IAM role, from the instance metadata service (IMDSv2): a
/// session token from <c>PUT /latest/api/token</c>, then the role name and its credentials from
/// <c>/latest/meta-data/iam/security-credentials/</c>. It gives up fast when not on EC2 (1 second and
/// 1 attempt per request by default), falls back to IMDSv1 only when the token request is refused
/// (HTTP 403, 404 or 405) and never when it goes unanswered. <c>AWS_EC2_METADATA_DISABLED=true</c> turns it off.
/// </summary>
public sealed class InstanceMetadataCredentialsProvider : CredentialsProvider
{
    private const string TokenPath = "/latest/api/token";
    private const string RolesPath = "/latest/meta-data/iam/security-credentials/";
    private readonly CredentialsOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Endpoint, timeout, attempts, transport and clock; null for the defaults.</param>
    public InstanceMetadataCredentialsProvider(CredentialsOptions? options = null)
    {
        _options = options ?? new CredentialsOptions();
    }

    /// <inheritdoc/>
    public override string Name => "instance metadata";

    /// <inheritdoc/>
    /// <exception cref="ClientException">The endpoint setting is not a URI.</exception>
    protected internal override async ValueTask<CredentialsResult> ResolveCoreAsync(bool async, CancellationToken cancellationToken)
    {
        if (Env.IsTrue(Env.Get("AWS_EC2_METADATA_DISABLED")))
        {
            return CredentialsResult.NotFound("disabled by AWS_EC2_METADATA_DISABLED");
        }
        var profile = await _options.ProfileSettingsAsync(async, cancellationToken).ConfigureAwait(false);
        var endpoint = Endpoint(profile);
        var timeout = _options.InstanceMetadataTimeout ?? Seconds(Env.Get("AWS_METADATA_SERVICE_TIMEOUT") ?? profile?["metadata_service_timeout"]) ?? TimeSpan.FromSeconds(1);
        var attempts = Math.Max(1, _options.InstanceMetadataAttempts ?? Integer(Env.Get("AWS_METADATA_SERVICE_NUM_ATTEMPTS") ?? profile?["metadata_service_num_attempts"]) ?? 1);
        var v1Disabled = Env.IsTrue(Env.Get("AWS_EC2_METADATA_V1_DISABLED") ?? profile?["ec2_metadata_v1_disabled"]);
        using var invoker = MetadataHttp.Invoker(_options.MetadataTransport);
        var session = new Session(invoker, endpoint, timeout, attempts, _options.Clock);

        var tokenAnswer = await session.SendAsync(HttpMethod.Put, TokenPath, ("X-aws-ec2-metadata-token-ttl-seconds", "21600"), async, cancellationToken).ConfigureAwait(false);
        if (tokenAnswer.Failure is { } noToken)
        {
            return CredentialsResult.NotFound(noToken);
        }
        string? token = null;
        if (tokenAnswer.Status == 200 && tokenAnswer.Body.Trim() is { Length: > 0 } t)
        {
            token = t;
        }
        else if (tokenAnswer.Status is 403 or 404 or 405)
        {
            if (v1Disabled)
            {
                return CredentialsResult.NotFound($"the IMDSv2 token request was refused ({MetadataHttp.Status(tokenAnswer.Status)}) and IMDSv1 is disabled");
            }
        }
        else
        {
            return CredentialsResult.NotFound($"the IMDSv2 token request to {endpoint} answered {MetadataHttp.Status(tokenAnswer.Status)}");
        }
        var tokenHeader = token is null ? default((string, string)?) : ("X-aws-ec2-metadata-token", token);

        var roles = await session.SendAsync(HttpMethod.Get, RolesPath, tokenHeader, async, cancellationToken).ConfigureAwait(false);
        if (roles.Failure is { } noRoles)
        {
            return CredentialsResult.NotFound(noRoles);
        }
        if (roles.Status == 404)
        {
            return CredentialsResult.NotFound("no IAM role is attached to the instance");
        }
        var role = roles.Status == 200 ? roles.Body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        if (role is null)
        {
            return CredentialsResult.NotFound($"the role name request answered {MetadataHttp.Status(roles.Status)}{(roles.Status == 200 ? " with no role" : "")}");
        }

        var answer = await session.SendAsync(HttpMethod.Get, RolesPath + Uri.EscapeDataString(role), tokenHeader, async, cancellationToken).ConfigureAwait(false);
        if (answer.Failure is { } noCredentials)
        {
            return CredentialsResult.NotFound(noCredentials);
        }
        if (answer.Status != 200)
        {
            return CredentialsResult.NotFound($"the credentials request for role {role} answered {MetadataHttp.Status(answer.Status)}");
        }
        try
        {
            var document = CredentialsJson.ParseObject(answer.Body);
            if (CredentialsJson.String(document, "Code") is { } code && code != "Success")
            {
                return CredentialsResult.NotFound($"role {role}: {code}: {CredentialsJson.String(document, "Message")}");
            }
            return CredentialsResult.Success(CredentialsJson.Read(document, "Token"));
        }
        catch (FormatException e)
        {
            return CredentialsResult.NotFound($"role {role}: {e.Message}");
        }
    }

    private Uri Endpoint(ProfileSettings? profile)
    {
        if (_options.InstanceMetadataEndpoint is { } given)
        {
            return given;
        }
        var text = Env.Get("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? profile?["ec2_metadata_service_endpoint"];
        if (text is null)
        {
            var mode = Env.Get("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE") ?? profile?["ec2_metadata_service_endpoint_mode"];
            text = string.Equals(mode, "ipv6", StringComparison.OrdinalIgnoreCase) ? "http://[fd00:ec2::254]" : "http://169.254.169.254";
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ClientException(ClientErrorKind.Credentials, $"instance metadata: the endpoint '{text}' is not an http(s) URI.");
    }

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    private static int? Integer(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>An answer (status and body), or why none came.</summary>
    private readonly record struct Answer(int Status, string Body, string? Failure);

    /// <summary>Requests to one endpoint, each bounded in time and tried up to the number of attempts (on no answer or HTTP 5xx).</summary>
    private sealed class Session(HttpMessageInvoker invoker, Uri endpoint, TimeSpan timeout, int attempts, TimeProvider clock)
    {
        private readonly string _base = endpoint.ToString().TrimEnd('/');

        public async ValueTask<Answer> SendAsync(HttpMethod method, string path, (string Name, string Value)? header, bool async, CancellationToken cancellationToken)
        {
            var answer = default(Answer);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                using var request = new HttpRequestMessage(method, _base + path);
                if (header is { } h)
                {
                    request.Headers.TryAddWithoutValidation(h.Name, h.Value);
                }
                try
                {
                    var (status, body) = await MetadataHttp.SendAsync(invoker, request, timeout, clock, async, cancellationToken).ConfigureAwait(false);
                    answer = new Answer(status, body, null);
                    if (status < 500)
                    {
                        return answer;
                    }
                }
                catch (Exception e) when (e is TimeoutException or HttpRequestException or IOException)
                {
                    answer = new Answer(0, "", $"{MetadataHttp.Describe(e)} from {endpoint.GetLeftPart(UriPartial.Authority)}");
                }
            }
            return answer;
        }
    }
}
