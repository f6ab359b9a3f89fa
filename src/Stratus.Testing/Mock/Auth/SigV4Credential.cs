using Stratus.Signing;

namespace Stratus.Testing.Mock.Auth;

/// <summary>
/// What a SigV4 or SigV4a request says about its signature, read from the Authorization header or the
/// presign parameters: algorithm, access key id, credential scope, signed headers and signature.
/// </summary>
/// <param name="Algorithm">The algorithm (<c>AWS4-HMAC-SHA256</c> or <c>AWS4-ECDSA-P256-SHA256</c>).</param>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="Scope">The credential scope as sent (<c>date/region/service/aws4_request</c>; SigV4a names no region).</param>
/// <param name="Date">The scope's date (<c>yyyyMMdd</c>).</param>
/// <param name="Region">The scope's region; null for SigV4a.</param>
/// <param name="Service">The scope's signing service.</param>
/// <param name="SignedHeaders">The signed header names as sent (<c>a;b;c</c>).</param>
/// <param name="Signature">The signature as sent.</param>
internal sealed record SigV4Credential(string Algorithm, string AccessKeyId, string Scope, string Date, string? Region, string Service, string SignedHeaders, string Signature)
{
    /// <summary>Whether this is SigV4a.</summary>
    public bool IsV4a => Algorithm == StringToSign.SigV4aAlgorithm;

    /// <summary>Reads an Authorization header value: <c>ALGORITHM Credential=..., SignedHeaders=..., Signature=...</c>.</summary>
    public static SigV4Credential? ParseHeader(string value, out string problem)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? value : value[..space];
        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in (space < 0 ? "" : value[(space + 1)..]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                problem = $"'{part}' not a valid key=value pair (missing equal-sign) in Authorization header: '{value}'.";
                return null;
            }
            switch (part[..eq])
            {
                case "Credential":
                    credential = part[(eq + 1)..];
                    break;
                case "SignedHeaders":
                    signedHeaders = part[(eq + 1)..];
                    break;
                case "Signature":
                    signature = part[(eq + 1)..];
                    break;
            }
        }
        foreach (var (name, found) in new[] { ("Credential", credential), ("Signature", signature), ("SignedHeaders", signedHeaders) })
        {
            if (string.IsNullOrEmpty(found))
            {
                problem = $"Authorization header requires '{name}' parameter. Authorization={value}";
                return null;
            }
        }
        return Create(algorithm, credential!, signedHeaders!, signature!, out problem);
    }

    /// <summary>Reads the presign parameters (<c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Signature</c>).</summary>
    public static SigV4Credential? ParseQuery(string? algorithm, string? credential, string? signedHeaders, string? signature, out string problem)
    {
        if (string.IsNullOrEmpty(algorithm) || string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature))
        {
            problem = "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
            return null;
        }
        return Create(algorithm, credential, signedHeaders, signature, out problem);
    }

    private static SigV4Credential? Create(string algorithm, string credential, string signedHeaders, string signature, out string problem)
    {
        var v4a = algorithm == StringToSign.SigV4aAlgorithm;
        if (!v4a && algorithm != StringToSign.SigV4Algorithm)
        {
            problem = $"Unsupported signing algorithm '{algorithm}'.";
            return null;
        }
        // AKID/date/region/service/aws4_request (SigV4a: AKID/date/service/aws4_request).
        var parts = credential.Split('/');
        var expected = v4a ? 4 : 5;
        if (parts.Length != expected || parts[^1] != "aws4_request" || parts[1].Length != 8 || parts.Any(string.IsNullOrEmpty))
        {
            problem = $"The credential is malformed; expecting \"<YOUR-AKID>/YYYYMMDD/{(v4a ? "" : "REGION/")}SERVICE/aws4_request\": '{credential}'.";
            return null;
        }
        problem = "";
        var scope = credential[(parts[0].Length + 1)..];
        return new SigV4Credential(algorithm, parts[0], scope, parts[1], v4a ? null : parts[2], parts[^2], signedHeaders, signature);
    }
}
