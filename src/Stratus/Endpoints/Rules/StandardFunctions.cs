using System.Net;

namespace Stratus.Endpoints.Rules;

/// <summary>
/// The Smithy rules-engine standard library (isSet, not, booleanEquals, stringEquals, substring, uriEncode,
/// isValidHostLabel, parseURL, split, coalesce, ite). <c>getAttr</c> is compiled separately (its path is parsed once).
/// </summary>
internal static class StandardFunctions
{
    /// <summary>
    /// Whether <paramref name="value"/> is a valid RFC 1123 host label: 1 to 63 letters, digits or hyphens, not
    /// starting or ending with a hyphen. With <paramref name="allowSubDomains"/>, each dot-separated label must be valid.
    /// </summary>
    public static bool IsValidHostLabel(string? value, bool allowSubDomains)
    {
        if (value is null)
        {
            return false;
        }
        if (!allowSubDomains)
        {
            return IsLabel(value);
        }
        foreach (var range in value.AsSpan().Split('.'))
        {
            if (!IsLabel(value.AsSpan(range.Start.Value, range.End.Value - range.Start.Value)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLabel(ReadOnlySpan<char> label)
    {
        if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }
        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The characters from <paramref name="start"/> (inclusive) to <paramref name="stop"/> (exclusive), counted from
    /// the end when <paramref name="reverse"/>; <see langword="null"/> when the range does not fit or the input is not ASCII.
    /// </summary>
    public static string? Substring(string? input, int start, int stop, bool reverse)
    {
        if (input is null || start < 0 || start >= stop || input.Length < stop || !System.Text.Ascii.IsValid(input))
        {
            return null;
        }
        return reverse ? input.Substring(input.Length - stop, stop - start) : input.Substring(start, stop - start);
    }

    /// <summary>Percent-encodes every character except the RFC 3986 unreserved ones (A–Z a–z 0–9 - _ . ~), UTF-8, upper-case hex.</summary>
    public static string? UriEncode(string? value) => value is null ? null : Uri.EscapeDataString(value);

    /// <summary>
    /// Parses an http or https URL into <c>scheme</c>, <c>authority</c>, <c>path</c>, <c>normalizedPath</c> (the path
    /// with a leading and trailing slash) and <c>isIp</c>; <see langword="null"/> for any other scheme, a query string,
    /// a missing host or a bad port.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? ParseUrl(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }
        var scheme = value[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return null;
        }
        var rest = value.AsSpan(schemeEnd + 3);
        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }
        var query = rest.IndexOf('?');
        if (query >= 0)
        {
            if (query < rest.Length - 1)
            {
                return null;
            }
            rest = rest[..query];
        }
        var slash = rest.IndexOf('/');
        var authority = (slash < 0 ? rest : rest[..slash]).ToString();
        var path = slash < 0 ? "" : rest[slash..].ToString();
        if (!TrySplitAuthority(authority, out var host) || host.Length == 0 || authority.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }
        var normalized = path.StartsWith('/') ? path : "/" + path;
        if (!normalized.EndsWith('/'))
        {
            normalized += "/";
        }
        return new Dictionary<string, object?>(5, StringComparer.Ordinal)
        {
            ["scheme"] = scheme,
            ["authority"] = authority,
            ["path"] = path,
            ["normalizedPath"] = normalized,
            ["isIp"] = RuleValues.Box(IsIpHost(host)),
        };
    }

    private static bool TrySplitAuthority(string authority, out string host)
    {
        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];
        var bracketEnd = hostPort.StartsWith('[') ? hostPort.IndexOf(']', StringComparison.Ordinal) : -1;
        if (hostPort.StartsWith('[') && bracketEnd < 0)
        {
            host = "";
            return false;
        }
        var colon = hostPort.IndexOf(':', bracketEnd + 1);
        host = colon < 0 ? hostPort : hostPort[..colon];
        if (colon < 0)
        {
            return true;
        }
        var port = hostPort.AsSpan(colon + 1);
        return port.Length == 0 || (port.Length <= 5 && !port.ContainsAnyExceptInRange('0', '9') && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) <= 65535);
    }

    private static bool IsIpHost(string host)
    {
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            var inner = host[1..^1];
            var zone = inner.IndexOf('%', StringComparison.Ordinal);
            return IPAddress.TryParse(zone < 0 ? inner : inner[..zone], out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }
        return IsIpv4(host);
    }

    /// <summary>Whether <paramref name="text"/> is a dotted-quad IPv4 address (four decimal octets, each at most 255).</summary>
    public static bool IsIpv4(ReadOnlySpan<char> text)
    {
        var parts = 0;
        foreach (var range in text.Split('.'))
        {
            var octet = text[range];
            if (++parts > 4 || octet.Length is 0 or > 3 || octet.ContainsAnyExceptInRange('0', '9') || int.Parse(octet, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }
        return parts == 4;
    }

    /// <summary>
    /// Splits <paramref name="value"/> on <paramref name="delimiter"/>; a positive <paramref name="limit"/> caps the
    /// number of parts (the last keeps the rest), zero means no limit.
    /// </summary>
    public static string[]? Split(string? value, string? delimiter, int limit)
    {
        if (value is null || string.IsNullOrEmpty(delimiter) || limit < 0)
        {
            return null;
        }
        return limit == 0 ? value.Split(delimiter) : value.Split(delimiter, limit);
    }

    /// <summary>The standard functions by name, over evaluated arguments; with their argument counts.</summary>
    public static bool TryGet(string name, out RuleFunction function, out int minArgs, out int maxArgs)
    {
        (function, minArgs, maxArgs) = name switch
        {
            "isSet" => ((RuleFunction)(a => RuleValues.Box(a[0] is not null)), 1, 1),
            "not" => (a => RuleValues.Box(a[0] is null or false), 1, 1),
            "booleanEquals" => (a => RuleValues.Box(a[0] is bool x && a[1] is bool y && x == y), 2, 2),
            "stringEquals" => (a => RuleValues.Box(a[0] is string x && a[1] is string y && string.Equals(x, y, StringComparison.Ordinal)), 2, 2),
            "substring" => (a => a[1] is int start && a[2] is int stop ? Substring(a[0] as string, start, stop, a[3] is true) : null, 4, 4),
            "uriEncode" => (a => UriEncode(a[0] as string), 1, 1),
            "isValidHostLabel" => (a => RuleValues.Box(IsValidHostLabel(a[0] as string, a[1] is true)), 2, 2),
            "parseURL" => (a => ParseUrl(a[0] as string), 1, 1),
            "split" => (a => a[2] is int limit ? Split(a[0] as string, a[1] as string, limit) : null, 3, 3),
            "coalesce" => (Coalesce, 1, int.MaxValue),
            "ite" => (a => a[0] is true ? a[1] : a[2], 3, 3),
            _ => (null!, 0, 0),
        };
        return function is not null;
    }

    private static object? Coalesce(ReadOnlySpan<object?> args)
    {
        foreach (var arg in args)
        {
            if (arg is not null)
            {
                return arg;
            }
        }
        return null;
    }
}
