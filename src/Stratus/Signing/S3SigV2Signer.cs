using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stratus.Credentials;

namespace Stratus.Signing;

/// <summary>
/// S3's legacy signature (HmacSHA1, <c>Authorization: AWS key:signature</c>): the string to sign is the
/// method, Content-MD5, Content-Type, the date, the canonical <c>x-amz-*</c> headers and the canonical
/// resource (the path-style resource plus the sub-resources in the query).
/// </summary>
public static partial class S3SigV2Signer
{
    /// <summary>Query parameters that are part of the canonical resource (S3 sub-resources and response overrides).</summary>
    private static readonly FrozenSet<string> SubResources = FrozenSet.ToFrozenSet(
    [
        "accelerate", "acl", "analytics", "cors", "delete", "encryption", "inventory", "lifecycle", "location",
        "logging", "metrics", "notification", "object-lock", "partNumber", "policy", "publicAccessBlock",
        "replication", "requestPayment", "response-cache-control", "response-content-disposition",
        "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
        "restore", "select", "select-type", "tagging", "torrent", "uploadId", "uploads", "versionId",
        "versioning", "versions", "website", "legal-hold", "retention", "ownershipControls",
    ], StringComparer.Ordinal);

    /// <summary>
    /// Signs with the Authorization header and returns the string to sign. The date signed is the
    /// <c>x-amz-date</c> header when present (the date line is then empty), else the <c>Date</c> header when
    /// present, else <paramref name="time"/>, which is set as the <c>Date</c> header.
    /// </summary>
    /// <param name="request">The request; its headers are changed.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="time">The signing time.</param>
    /// <param name="resourcePath">The path-style resource (<c>/bucket/key</c>) when the request is virtual-hosted; default the request's path.</param>
    public static string Sign(SigningRequest request, AwsCredentials credentials, DateTimeOffset time, string? resourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        request.Headers.Remove("Authorization");
        if (credentials.SessionToken is not null)
        {
            request.Headers["x-amz-security-token"] = credentials.SessionToken;
        }
        string date;
        if (request.Headers.ContainsKey("x-amz-date"))
        {
            date = "";
        }
        else if (!request.Headers.TryGetValue("Date", out date!))
        {
            date = time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
            request.Headers["Date"] = date;
        }
        var stringToSign = StringToSign(request, date, resourcePath);
        request.Headers["Authorization"] = $"AWS {credentials.AccessKeyId}:{Signature(credentials, stringToSign)}";
        return stringToSign;
    }

    /// <summary>
    /// Presigns: adds <c>AWSAccessKeyId</c>, <c>Expires</c> (epoch seconds), <c>x-amz-security-token</c>
    /// and <c>Signature</c> to the query; returns the string to sign.
    /// </summary>
    public static string Presign(SigningRequest request, AwsCredentials credentials, DateTimeOffset expires, string? resourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        request.Query.RemoveAll(static p => p.Key is "AWSAccessKeyId" or "Expires" or "Signature" or "x-amz-security-token");
        if (credentials.SessionToken is not null)
        {
            request.Query.Add(new("x-amz-security-token", credentials.SessionToken));
        }
        var epoch = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var stringToSign = StringToSign(request, epoch, resourcePath);
        request.Query.Add(new("AWSAccessKeyId", credentials.AccessKeyId));
        request.Query.Add(new("Expires", epoch));
        request.Query.Add(new("Signature", Signature(credentials, stringToSign)));
        return stringToSign;
    }

    /// <summary>The string to sign for a request and the date line to use.</summary>
    public static string StringToSign(SigningRequest request, string date, string? resourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sb = new StringBuilder();
        sb.Append(request.Method.ToUpperInvariant()).Append('\n');
        sb.Append(request.Headers.TryGetValue("Content-MD5", out var md5) ? md5.Trim() : "").Append('\n');
        sb.Append(request.Headers.TryGetValue("Content-Type", out var type) ? type.Trim() : "").Append('\n');
        sb.Append(date).Append('\n');
        var amz = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("x-amz-", StringComparison.Ordinal))
            {
                var trimmed = value.Trim();
                amz[lower] = amz.TryGetValue(lower, out var existing) ? existing + "," + trimmed : trimmed;
            }
        }
        foreach (var (name, value) in amz)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
        sb.Append(CanonicalResource(resourcePath ?? request.Path, request.Query));
        return sb.ToString();
    }

    /// <summary>The canonical resource: the resource path, then '?' and the sub-resources sorted by name (values not encoded).</summary>
    public static string CanonicalResource(string resourcePath, IEnumerable<KeyValuePair<string, string?>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var subresources = query.Where(static p => SubResources.Contains(p.Key))
            .OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => p.Value is null ? p.Key : p.Key + "=" + p.Value)
            .ToList();
        var path = string.IsNullOrEmpty(resourcePath) ? "/" : resourcePath;
        return subresources.Count == 0 ? path : path + "?" + string.Join('&', subresources);
    }

    /// <summary>The signature of a string to sign: base64 of its HMAC-SHA1 under the secret.</summary>
    public static string ComputeSignature(string secretAccessKey, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(stringToSign);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secretAccessKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static string Signature(AwsCredentials credentials, string stringToSign) =>
        ComputeSignature(credentials.SecretAccessKey, stringToSign);
}
