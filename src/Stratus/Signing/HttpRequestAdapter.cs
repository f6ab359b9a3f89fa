using System.Text;

namespace Stratus.Signing;

/// <summary>Moves a request between <see cref="HttpRequestMessage"/> and <see cref="SigningRequest"/> for signing.</summary>
internal static class HttpRequestAdapter
{
    /// <summary>Headers a signer may add; copied back onto the message after signing.</summary>
    private static readonly string[] SignerHeaders =
        [SigningCore.AmzDate, SigningCore.SecurityToken, SigningCore.RegionSet, SigningCore.ContentSha256, SigningCore.Authorization, "Date", "x-amz-decoded-content-length"];

    /// <summary>Reads method, path, query, headers (request and content) and host from a message.</summary>
    internal static SigningRequest ToSigningRequest(HttpRequestMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request needs an absolute RequestUri to be signed.", nameof(message));
        }
        var request = new SigningRequest
        {
            Method = message.Method.Method,
            Path = uri.AbsolutePath,
            Host = message.Headers.Host ?? (uri.IsDefaultPort ? uri.IdnHost : HostWithPort(uri.IdnHost, uri.Port)),
        };
        ParseQuery(uri.Query, request.Query);
        // Room for the message's headers and the few a signer adds.
        request.Headers.EnsureCapacity(message.Headers.NonValidated.Count + (message.Content?.Headers.NonValidated.Count ?? 0) + SignerHeaders.Length);
        foreach (var header in message.Headers.NonValidated)
        {
            if (!header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers[header.Key] = Join(header.Value);
            }
        }
        if (message.Content is not null)
        {
            foreach (var header in message.Content.Headers.NonValidated)
            {
                request.Headers[header.Key] = Join(header.Value);
            }
        }
        return request;
    }

    // "host:port", the text kept for the last host and port (a client signs its requests for one endpoint).
    private static string HostWithPort(string host, int port)
    {
        if (_lastHost is { } last && last.Port == port && string.Equals(last.Host, host, StringComparison.Ordinal))
        {
            return last.Text;
        }
        var text = $"{host}:{port}";
        _lastHost = new HostText(host, port, text);
        return text;
    }

    private sealed record HostText(string Host, int Port, string Text);

    private static HostText? _lastHost;

    /// <summary>Copies the headers a signer set back onto the message.</summary>
    internal static void CopySignerHeaders(SigningRequest signed, HttpRequestMessage message)
    {
        foreach (var name in SignerHeaders)
        {
            message.Headers.Remove(name);
            if (signed.Headers.TryGetValue(name, out var value))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    /// <summary>Replaces the message's query with the signed request's.</summary>
    internal static void CopyQuery(SigningRequest signed, HttpRequestMessage message)
    {
        var uri = message.RequestUri!;
        var text = uri.GetLeftPart(UriPartial.Authority) + signed.PathAndQuery;
        // Keep the path exactly as signed: no dot-segment removal or unescaping by Uri.
        message.RequestUri = new Uri(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    /// <summary>The options with the payload hash of the message's content filled in when they have none.</summary>
    internal static SigV4Options WithPayloadHash(SigV4Options options, HttpRequestMessage message) =>
        options.PayloadHash is not null ? options : options with { PayloadHash = PayloadHashOf(message) };

    /// <summary>The payload hash of the message's content, which must be buffered (seekable) when no hash is given.</summary>
    internal static string PayloadHashOf(HttpRequestMessage message)
    {
        if (message.Content is null)
        {
            return PayloadHash.Empty;
        }
        var stream = message.Content.ReadAsStream();
        if (!stream.CanSeek)
        {
            throw new InvalidOperationException("The request content is not buffered: pass SigV4Options.PayloadHash (or PayloadHash.Unsigned) to sign it.");
        }
        return PayloadHash.Compute(stream);
    }

    /// <summary>Splits an escaped query (with or without '?') into decoded pairs; a key without '=' has a null value.</summary>
    internal static void ParseQuery(string query, List<KeyValuePair<string, string?>> into)
    {
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
        {
            return;
        }
        foreach (var part in text.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            // '+' stays '+': AWS clients send spaces as %20, and a literal '+' must keep meaning '+'.
            into.Add(eq < 0
                ? new(Uri.UnescapeDataString(part), null)
                : new(Uri.UnescapeDataString(part[..eq]), Uri.UnescapeDataString(part[(eq + 1)..])));
        }
    }

    private static string Join(System.Net.Http.Headers.HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            return values.ToString();
        }
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }
            sb.Append(v);
        }
        return sb.ToString();
    }
}
