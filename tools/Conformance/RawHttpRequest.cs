using System.Text;

namespace Stratus.Conformance;

/// <summary>
/// A raw HTTP/1.1 request as the signing suites write it, parsed by hand: the request target may hold
/// spaces and non-ASCII text, header values may be folded over several lines (obs-fold) and a header
/// name may repeat.
/// </summary>
public sealed class RawHttpRequest
{
    /// <summary>The method.</summary>
    public string Method { get; private init; } = "";

    /// <summary>The request target exactly as written (path and query).</summary>
    public string Target { get; private init; } = "";

    /// <summary>The headers in order, folded lines joined to their header with a space.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The body, as UTF-8 bytes.</summary>
    public byte[] Body { get; private init; } = [];

    /// <summary>Parses the text of a <c>.req</c> or <c>request.txt</c> file (LF or CRLF line ends).</summary>
    public static RawHttpRequest Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var bodyStart = -1;
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var line = nl < 0 ? text[pos..] : text[pos..nl];
            line = line.TrimEnd('\r');
            pos = nl < 0 ? text.Length + 1 : nl + 1;
            if (lines.Count > 0 && line.Length == 0)
            {
                bodyStart = pos;
                break;
            }
            lines.Add(line);
        }
        if (lines.Count == 0 || lines[0].Length == 0)
        {
            throw new FormatException("The request has no request line.");
        }

        // The target may contain spaces (get-space): method is up to the first space, version after the last.
        var requestLine = lines[0];
        var first = requestLine.IndexOf(' ', StringComparison.Ordinal);
        var last = requestLine.LastIndexOf(' ');
        if (first < 0 || last <= first)
        {
            throw new FormatException($"Bad request line: {requestLine}");
        }
        var request = new RawHttpRequest
        {
            Method = requestLine[..first],
            Target = requestLine[(first + 1)..last],
            Body = bodyStart < 0 || bodyStart > text.Length ? [] : Encoding.UTF8.GetBytes(text[bodyStart..]),
        };
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (request.Headers.Count == 0)
                {
                    throw new FormatException("A folded line comes before any header.");
                }
                var (name, value) = request.Headers[^1];
                request.Headers[^1] = new(name, value + " " + line.Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Bad header line: {line}");
            }
            request.Headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        return request;
    }

    /// <summary>The path part of the target.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The query part of the target (without '?'), or "".</summary>
    public string Query => Target.Split('?', 2) is [_, var q] ? q : "";
}
