using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Stratus.Client;

/// <summary>
/// The wire log (trace level): request line and headers, response status and headers, with every secret
/// redacted — Authorization, security tokens, presigned signatures and credentials. Bodies are never
/// logged: some carry secrets (an STS AssumeRole result holds a secret key).
/// </summary>
public static partial class WireLog
{
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Amz-Security-Token", "Proxy-Authorization", "X-Amz-Server-Side-Encryption-Customer-Key",
        "X-Amz-Copy-Source-Server-Side-Encryption-Customer-Key", "Cookie", "Set-Cookie", "X-Auth-Token", "X-Auth-Key",
        "X-Storage-Token", "X-Subject-Token", "X-Aws-Ec2-Metadata-Token",
        // OpenStack Swift's temporary-URL keys, sent when set and answered by account and container HEADs.
        "X-Account-Meta-Temp-URL-Key", "X-Account-Meta-Temp-URL-Key-2", "X-Container-Meta-Temp-URL-Key", "X-Container-Meta-Temp-URL-Key-2",
    };

    /// <summary>Replaces the secret parts of a URL's query (signatures, credentials, tokens) with "***".</summary>
    public static string RedactUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return SecretQuery().Replace(url, m => m.Groups[1].Value + "=***");
    }

    /// <summary>Shows a header's value, or "***" for a secret one.</summary>
    public static string RedactHeader(string name, string value) =>
        SecretHeaders.Contains(name) ? "***"
        // A header holding a URL (Azure's x-ms-copy-source) may carry a signed query.
        : value.Contains('?', StringComparison.Ordinal) ? RedactUrl(value) : value;

    internal static void Request(ILogger logger, HttpRequestMessage request)
    {
        if (!logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }
        var sb = new StringBuilder();
        sb.Append(request.Method).Append(' ').Append(RedactUrl(request.RequestUri?.ToString() ?? ""));
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            sb.Append("\n  ").Append(name).Append(": ").Append(RedactHeader(name, values.ToString()));
        }
        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                sb.Append("\n  ").Append(name).Append(": ").Append(RedactHeader(name, values.ToString()));
            }
        }
        logger.LogTrace("request {Request}", sb.ToString());
    }

    internal static void Response(ILogger logger, HttpResponseMessage response)
    {
        if (!logger.IsEnabled(LogLevel.Trace))
        {
            return;
        }
        var sb = new StringBuilder();
        sb.Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            sb.Append("\n  ").Append(name).Append(": ").Append(RedactHeader(name, values.ToString()));
        }
        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            sb.Append("\n  ").Append(name).Append(": ").Append(RedactHeader(name, values.ToString()));
        }
        logger.LogTrace("response {Response}", sb.ToString());
    }

    [GeneratedRegex("(?<=[?&])((?:X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|sig|temp_url_sig|SecretAccessKey|SessionToken|Password))=[^&#\\s]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretQuery();
}
