namespace Stratus.Signing;

/// <summary>The canonical request of SigV4 and SigV4a.</summary>
public static class CanonicalRequest
{
    /// <summary>
    /// Joins the parts: method, canonical path, canonical query, canonical headers, a blank line,
    /// signed headers and payload hash.
    /// </summary>
    public static string Build(string method, string canonicalPath, string canonicalQuery, CanonicalHeaders headers, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        return string.Concat(
            [method, "\n", canonicalPath, "\n", canonicalQuery, "\n", headers.Canonical, "\n", headers.Signed, "\n", payloadHash]);
    }
}
