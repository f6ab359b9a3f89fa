using System.Text;
using System.Text.RegularExpressions;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Rest;

/// <summary>
/// An operation's request URI template, parsed for matching requests against it: the path as a
/// pattern (a label matches one segment, a greedy label one or more), the literal query parts, and a
/// specificity rank per path segment (literal, then label with literal text, then label, then greedy).
/// </summary>
internal sealed class RestUriTemplate
{
    // x-id names the operation for the SDKs' sake (S3: ?x-id=GetObject); other clients leave it out.
    private const string OptionalQueryKey = "x-id";

    private readonly Regex _path;
    private readonly string[] _labels;
    private readonly int[] _segmentRanks;

    private RestUriTemplate(OperationModel operation, Regex path, string[] labels, int[] segmentRanks, KeyValuePair<string, string?>[] query)
    {
        Operation = operation;
        _path = path;
        _labels = labels;
        _segmentRanks = segmentRanks;
        QueryLiterals = query;
    }

    /// <summary>The operation.</summary>
    public OperationModel Operation { get; }

    /// <summary>The literal query parts: a null value means the key alone must be present.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> QueryLiterals { get; }

    /// <summary>Parses an operation's template.</summary>
    public static RestUriTemplate Parse(OperationModel operation)
    {
        var template = operation.RequestUri;
        var q = template.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? template : template[..q];
        var query = new List<KeyValuePair<string, string?>>();
        if (q >= 0)
        {
            foreach (var part in template[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                query.Add(eq < 0 ? new(part, null) : new(part[..eq], part[(eq + 1)..]));
            }
        }
        var pattern = new StringBuilder("^");
        var labels = new List<string>();
        var ranks = new List<int>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append('/');
            }
            ranks.Add(AppendSegment(pattern, segments[i], labels));
        }
        pattern.Append('$');
        var regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline);
        return new RestUriTemplate(operation, regex, [.. labels], [.. ranks], [.. query]);
    }

    // Appends one path segment's pattern; returns its rank: 3 literal, 2 label with literal text, 1 label, 0 greedy label.
    private static int AppendSegment(StringBuilder pattern, string segment, List<string> labels)
    {
        var rank = 3;
        var i = 0;
        while (i < segment.Length)
        {
            var open = segment.IndexOf('{', i);
            var close = open < 0 ? -1 : segment.IndexOf('}', open);
            if (close < 0)
            {
                pattern.Append(Regex.Escape(segment[i..]));
                break;
            }
            pattern.Append(Regex.Escape(segment[i..open]));
            var label = segment[(open + 1)..close];
            var greedy = label.EndsWith('+');
            labels.Add(greedy ? label[..^1] : label);
            pattern.Append("(?<l").Append(labels.Count - 1).Append('>').Append(greedy ? ".+" : "[^/]+").Append(')');
            rank = Math.Min(rank, greedy ? 0 : segment.Length == close - open + 1 ? 1 : 2);
            i = close + 1;
        }
        return rank;
    }

    /// <summary>Matches a request path (percent-encoded, as sent); returns the decoded label values, or null.</summary>
    public Dictionary<string, string>? MatchPath(string path)
    {
        var m = _path.Match(path.Length == 0 ? "/" : path);
        if (!m.Success)
        {
            return null;
        }
        var values = new Dictionary<string, string>(_labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < _labels.Length; i++)
        {
            values[_labels[i]] = Uri.UnescapeDataString(m.Groups["l" + i].Value);
        }
        return values;
    }

    /// <summary>Whether a request path (percent-encoded, as sent) matches the template.</summary>
    public bool MatchesPath(string path) => _path.IsMatch(path.Length == 0 ? "/" : path);

    /// <summary>The path without its trailing <c>/</c> (<c>/bucket/</c>: <c>/bucket</c>), or null when it has none to drop.</summary>
    public static string? WithoutTrailingSlash(string path) => path.Length > 1 && path[^1] == '/' ? path[..^1] : null;

    /// <summary>Whether the request has the template's literal query parts; <paramref name="matched"/> counts those present.</summary>
    public bool MatchQuery(ServerRequest request, out int matched)
    {
        matched = 0;
        foreach (var (key, value) in QueryLiterals)
        {
            if (!request.HasQuery(key))
            {
                if (key == OptionalQueryKey)
                {
                    continue;
                }
                return false;
            }
            if (value is not null && request.QueryValue(key) != value)
            {
                return false;
            }
            matched++;
        }
        return true;
    }

    /// <summary>Compares path specificity: segment by segment, the higher rank wins; then the longer template.</summary>
    public int ComparePath(RestUriTemplate other)
    {
        for (var i = 0; i < Math.Min(_segmentRanks.Length, other._segmentRanks.Length); i++)
        {
            if (_segmentRanks[i] != other._segmentRanks[i])
            {
                return _segmentRanks[i].CompareTo(other._segmentRanks[i]);
            }
        }
        return _segmentRanks.Length.CompareTo(other._segmentRanks.Length);
    }
}
