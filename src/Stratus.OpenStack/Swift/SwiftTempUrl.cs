using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.OpenStack.Swift;

/// <summary>
/// Swift's temporary URLs (the <c>tempurl</c> middleware): an object URL with <c>temp_url_sig</c>, the hex HMAC-SHA256
/// under the account's <c>X-Account-Meta-Temp-URL-Key</c> of <c>METHOD\nexpires\npath</c>, and <c>temp_url_expires</c>.
/// Computed locally; anyone holding it may use it until it expires.
/// </summary>
public static class SwiftTempUrl
{
    /// <summary>Creates a temporary URL.</summary>
    /// <param name="storageUrl">The account's storage URL (<c>https://swift/v1/AUTH_project</c>).</param>
    /// <param name="container">The container.</param>
    /// <param name="key">The object.</param>
    /// <param name="method">The method it allows (GET, PUT, HEAD, POST, DELETE).</param>
    /// <param name="expires">When it stops working.</param>
    /// <param name="tempUrlKey">The account's (or container's) temp-URL key. A secret: never in the URL.</param>
    public static Uri Create(Uri storageUrl, string container, string key, HttpMethod method, DateTimeOffset expires, string tempUrlKey)
    {
        ArgumentNullException.ThrowIfNull(storageUrl);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(tempUrlKey);
        var account = storageUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var encodedPath = new Uri(account).AbsolutePath + SwiftPaths.Object(container, key);
        // The middleware signs the path as the server sees it: decoded.
        var path = Uri.UnescapeDataString(encodedPath);
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Signature(method.Method, seconds, path, tempUrlKey);
        var authority = storageUrl.GetLeftPart(UriPartial.Authority);
        return new Uri($"{authority}{encodedPath}?temp_url_sig={signature}&temp_url_expires={seconds}",
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>The hex HMAC-SHA256 of <c>METHOD\nexpires\npath</c>.</summary>
    public static string Signature(string method, string expires, string path, string tempUrlKey)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(tempUrlKey);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(tempUrlKey), Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{expires}\n{path}"));
        return Convert.ToHexStringLower(mac);
    }
}
