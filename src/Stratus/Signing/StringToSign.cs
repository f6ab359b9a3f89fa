namespace Stratus.Signing;

/// <summary>The string to sign of SigV4 and SigV4a.</summary>
public static class StringToSign
{
    /// <summary>The SigV4 algorithm name.</summary>
    public const string SigV4Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The SigV4a algorithm name.</summary>
    public const string SigV4aAlgorithm = "AWS4-ECDSA-P256-SHA256";

    /// <summary>Algorithm, time (<c>yyyyMMddTHHmmssZ</c>), credential scope and the hex SHA-256 of the canonical request, one per line.</summary>
    public static string Build(string algorithm, string amzDate, string credentialScope, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return string.Concat(algorithm, "\n", amzDate, "\n", credentialScope, "\n", SigningHash.Sha256Hex(canonicalRequest));
    }

    /// <summary>The SigV4 credential scope: <c>date/region/service/aws4_request</c>.</summary>
    public static string Scope(string date, string region, string service) => $"{date}/{region}/{service}/aws4_request";

    /// <summary>The SigV4a credential scope, which names no region: <c>date/service/aws4_request</c>.</summary>
    public static string ScopeV4a(string date, string service) => $"{date}/{service}/aws4_request";

    /// <summary>Formats a time as SigV4 wants it: <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
