using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Stratus.Azure.Signing;

/// <summary>
/// Azure Storage's SharedKey authentication (the string to sign of version 2009-09-19 and later, with
/// Content-Length empty when zero as since 2015-02-21): an HMAC-SHA256, keyed by the account key, of the verb,
/// the standard content and conditional headers, the <c>x-ms-*</c> headers and the canonicalized resource.
/// </summary>
public static class SharedKeySigner
{
    // The standard headers of the string to sign, in order (after the verb).
    private static readonly string[] ContentHeaders = ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type"];
    private static readonly string[] RequestHeaders = ["Date", "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    /// <summary>
    /// Signs a request that is ready to send: sets <c>x-ms-date</c> (to <paramref name="time"/>), <c>x-ms-version</c>
    /// (unless present) and <c>Authorization: SharedKey ACCOUNT:SIGNATURE</c>.
    /// </summary>
    /// <param name="request">The request; its URI path must be as sent (percent-encoded).</param>
    /// <param name="accountName">The storage account's name.</param>
    /// <param name="accountKey">The account key, base64.</param>
    /// <param name="time">The request's time.</param>
    /// <param name="version">The storage service version (<c>x-ms-version</c>).</param>
    public static void Sign(HttpRequestMessage request, string accountName, string accountKey, DateTimeOffset time, string version)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("x-ms-date", time.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        if (!request.Headers.Contains("x-ms-version"))
        {
            request.Headers.TryAddWithoutValidation("x-ms-version", version);
        }
        var signature = Signature(StringToSign(request, accountName), accountKey);
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {accountName}:{signature}");
    }

    /// <summary>The base64 HMAC-SHA256 of <paramref name="stringToSign"/> (UTF-8) keyed by the base64-decoded <paramref name="accountKey"/>.</summary>
    public static string Signature(string stringToSign, string accountKey)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(accountKey);
        var key = Convert.FromBase64String(accountKey);
        try
        {
            return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// The string to sign of a request:
    /// <c>VERB\nContent-Encoding\nContent-Language\nContent-Length\nContent-MD5\nContent-Type\nDate\nIf-Modified-Since\nIf-Match\nIf-None-Match\nIf-Unmodified-Since\nRange\n</c>
    /// then the canonicalized headers (each <c>x-ms-</c> header as <c>name:value\n</c>, names lowercase and sorted)
    /// and the canonicalized resource (<c>/ACCOUNT/PATH</c>, then <c>\nname:value1,value2</c> per query parameter,
    /// names lowercase and sorted, values decoded and sorted).
    /// </summary>
    public static string StringToSign(HttpRequestMessage request, string accountName)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        var sb = new StringBuilder(256);
        sb.Append(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var name in ContentHeaders)
        {
            var value = ContentHeader(request, name);
            // Since version 2015-02-21 a zero length is signed as an empty line (it may or may not be sent).
            if (name == "Content-Length" && value == "0")
            {
                value = "";
            }
            sb.Append(value).Append('\n');
        }
        foreach (var name in RequestHeaders)
        {
            sb.Append(Header(request, name)).Append('\n');
        }
        AppendCanonicalHeaders(sb, request);
        AppendCanonicalResource(sb, request.RequestUri, accountName);
        return sb.ToString();
    }

    private static string Header(HttpRequestMessage request, string name) =>
        request.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : "";

    private static string ContentHeader(HttpRequestMessage request, string name)
    {
        if (request.Content is not { } content)
        {
            return "";
        }
        if (name == "Content-Length")
        {
            // ContentLength computes the length of in-memory and seekable content, as the handler will send it.
            return content.Headers.ContentLength is { } length ? length.ToString(CultureInfo.InvariantCulture) : "";
        }
        return content.Headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : "";
    }

    private static void AppendCanonicalHeaders(StringBuilder sb, HttpRequestMessage request)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            if (name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(name.ToLowerInvariant(), Unfold(values.ToString())));
            }
        }
        headers.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (name, value) in headers)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    // Leading and trailing white space dropped; folded line breaks become one space.
    private static string Unfold(string value) =>
        value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : value.Trim();

    private static void AppendCanonicalResource(StringBuilder sb, Uri uri, string accountName)
    {
        // The path as sent (percent-encoded); with path-style URLs (emulators) it starts with the account name again.
        var path = uri.AbsolutePath;
        sb.Append('/').Append(accountName).Append(path.Length == 0 ? "/" : path);
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return;
        }
        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (!parameters.TryGetValue(name, out var list))
            {
                parameters[name] = list = [];
            }
            list.Add(value);
        }
        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            sb.Append('\n').Append(name).Append(':').AppendJoin(',', values);
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
