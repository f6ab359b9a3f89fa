using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Stratus.Credentials;
using Stratus.Protocols;

namespace Stratus.Signing;

/// <summary>
/// AWS Signature Version 2 for query-style services (HmacSHA256): the parameters gain
/// <c>AWSAccessKeyId</c>, <c>SignatureVersion</c>, <c>SignatureMethod</c>, <c>Timestamp</c>,
/// <c>SecurityToken</c> and finally <c>Signature</c>. The parameters may travel in the query string or
/// in a form body; the signature is the same.
/// </summary>
public static class SigV2Signer
{
    /// <summary>Signs the request's query parameters in place and returns the string to sign.</summary>
    public static string Sign(SigningRequest request, AwsCredentials credentials, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Sign(request.Query, request.Method, request.Host ?? Header(request, "Host"), request.Path, credentials, time);
    }

    /// <summary>
    /// Signs a parameter list in place (query string or form body) and returns the string to sign. A
    /// <c>Timestamp</c> or <c>Expires</c> parameter already present is kept; otherwise <c>Timestamp</c> is
    /// <paramref name="time"/>.
    /// </summary>
    public static string Sign(List<KeyValuePair<string, string?>> parameters, string method, string host, string path, AwsCredentials credentials, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(credentials);
        parameters.RemoveAll(static p => p.Key is "Signature" or "AWSAccessKeyId" or "SignatureVersion" or "SignatureMethod" or "SecurityToken");
        parameters.Add(new("AWSAccessKeyId", credentials.AccessKeyId));
        parameters.Add(new("SignatureVersion", "2"));
        parameters.Add(new("SignatureMethod", "HmacSHA256"));
        if (!parameters.Exists(static p => p.Key is "Timestamp" or "Expires"))
        {
            parameters.Add(new("Timestamp", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }
        if (credentials.SessionToken is not null)
        {
            parameters.Add(new("SecurityToken", credentials.SessionToken));
        }
        var stringToSign = StringToSign(method, host, path, parameters);
        parameters.Add(new("Signature", ComputeSignature(credentials.SecretAccessKey, stringToSign)));
        return stringToSign;
    }

    /// <summary>
    /// The signature of a string to sign: base64 of its HMAC under the secret, with the
    /// <c>SignatureMethod</c> named (<c>HmacSHA256</c>, the default, or <c>HmacSHA1</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The signature method is neither.</exception>
    public static string ComputeSignature(string secretAccessKey, string stringToSign, string signatureMethod = "HmacSHA256")
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        ArgumentNullException.ThrowIfNull(stringToSign);
        var key = Encoding.UTF8.GetBytes(secretAccessKey);
        var data = Encoding.UTF8.GetBytes(stringToSign);
        var mac = signatureMethod switch
        {
            "HmacSHA256" => HMACSHA256.HashData(key, data),
            "HmacSHA1" => HMACSHA1.HashData(key, data),
            _ => throw new ArgumentException($"Unknown SigV2 signature method '{signatureMethod}'.", nameof(signatureMethod)),
        };
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// The SigV2 string to sign: method, lowercase host, path (<c>/</c> when empty) and the parameters
    /// percent-encoded and sorted by key in byte order, one per line.
    /// </summary>
    public static string StringToSign(string method, string host, string path, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(parameters);
        var sorted = parameters
            .Select(static p => (Key: UriEncoding.Encode(p.Key), Value: UriEncoding.Encode(p.Value ?? "")))
            .OrderBy(static p => p.Key, StringComparer.Ordinal)
            .ThenBy(static p => p.Value, StringComparer.Ordinal);
        var query = string.Join('&', sorted.Select(static p => p.Key + "=" + p.Value));
        return $"{method.ToUpperInvariant()}\n{host.ToLowerInvariant()}\n{(string.IsNullOrEmpty(path) ? "/" : path)}\n{query}";
    }

    private static string Header(SigningRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : throw new ArgumentException("The request has no host.", nameof(request));
}
