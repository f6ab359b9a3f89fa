using System.Runtime.CompilerServices;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Rest;

/// <summary>
/// Finds the operation a REST request calls from its method, path and query, by the operations'
/// <c>requestUri</c> templates (<c>/{Bucket}/{Key+}?uploads</c>): labels match one path segment or, greedy,
/// the rest of the path; every literal query part must be present (S3's <c>x-id</c> may be left out); every
/// required query or header member must be present. When several operations match (S3's PutObject, UploadPart,
/// CopyObject on <c>PUT /{Bucket}/{Key+}</c>) the most specific wins: most literal query parts, then most
/// required members present, then most literal path characters. Protocol-neutral: rest-xml and rest-json alike.
/// </summary>
public static class RestServerMatcher
{
    private static readonly ConditionalWeakTable<ServiceModel, Route[]> Routes = new();

    /// <summary>Finds the operation a request calls, or null when none matches.</summary>
    public static OperationModel? Find(ServiceModel service, ServerRequest request)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        OperationModel? best = null;
        var bestScore = -1L;
        foreach (var route in Routes.GetValue(service, BuildRoutes))
        {
            if (!route.Operation.HttpMethod.Equals(request.Method, StringComparison.OrdinalIgnoreCase)
                || route.Template.Match(request.Path) is null
                || Score(route, request) is not { } score
                || score <= bestScore)
            {
                continue;
            }
            best = route.Operation;
            bestScore = score;
        }
        return best;
    }

    /// <summary>The decoded URI labels of a path for an operation (by label name), or null when its template does not match.</summary>
    public static Dictionary<string, string>? MatchLabels(OperationModel operation, string path)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(path);
        return UriTemplate.For(operation).Match(path);
    }

    /// <summary>The literal query parameters of an operation's request URI (<c>?uploads</c>, <c>?list-type=2</c>); a bare key has a null value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> LiteralQuery(OperationModel operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return UriTemplate.For(operation).Query;
    }

    private static Route[] BuildRoutes(ServiceModel service) =>
        service.OperationNames.Select(n => service.GetOperation(n)).Select(o => new Route(o, UriTemplate.For(o))).ToArray();

    private static long? Score(Route route, ServerRequest request)
    {
        long score = 0;
        foreach (var (key, value) in route.Template.Query)
        {
            if (request.HasQuery(key) && (value is null || request.QueryValue(key) == value))
            {
                score += 1_000_000;
            }
            else if (key != "x-id")
            {
                return null;
            }
        }
        if (route.Operation.Input is { } input)
        {
            foreach (var name in input.Required)
            {
                if (!input.Members.TryGetValue(name, out var member))
                {
                    continue;
                }
                var present = member.Location switch
                {
                    "querystring" => request.HasQuery(member.WireName),
                    "header" => request.Header(member.WireName) is not null,
                    _ => (bool?)null,
                };
                if (present == false)
                {
                    return null;
                }
                if (present == true)
                {
                    score += 1_000;
                }
            }
        }
        return score + route.Template.LiteralLength;
    }

    private sealed record Route(OperationModel Operation, UriTemplate Template);

    // A parsed requestUri: the path as literal text and labels, and the literal query.
    private sealed class UriTemplate
    {
        private static readonly ConditionalWeakTable<OperationModel, UriTemplate> Cache = new();
        private readonly List<(string Text, bool IsLabel, bool Greedy)> _parts = [];

        private UriTemplate(string requestUri)
        {
            var q = requestUri.IndexOf('?', StringComparison.Ordinal);
            var path = q < 0 ? requestUri : requestUri[..q];
            if (q >= 0)
            {
                foreach (var part in requestUri[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = part.IndexOf('=', StringComparison.Ordinal);
                    Query.Add(eq < 0 ? new(part, null) : new(part[..eq], part[(eq + 1)..]));
                }
            }
            var i = 0;
            while (i < path.Length)
            {
                var open = path.IndexOf('{', i);
                var close = open < 0 ? -1 : path.IndexOf('}', open);
                if (open < 0 || close < 0)
                {
                    _parts.Add((path[i..], false, false));
                    break;
                }
                if (open > i)
                {
                    _parts.Add((path[i..open], false, false));
                }
                var label = path[(open + 1)..close];
                var greedy = label.EndsWith('+');
                _parts.Add((greedy ? label[..^1] : label, true, greedy));
                i = close + 1;
            }
            LiteralLength = _parts.Where(p => !p.IsLabel).Sum(p => p.Text.Length);
        }

        public List<KeyValuePair<string, string?>> Query { get; } = [];

        public int LiteralLength { get; }

        public static UriTemplate For(OperationModel operation) => Cache.GetValue(operation, static o => new UriTemplate(o.RequestUri));

        // The decoded labels, or null. A path with a trailing slash the template lacks ("/bucket/") matches too.
        public Dictionary<string, string>? Match(string path)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Match(0, path, 0, labels))
            {
                return labels;
            }
            if (path.Length > 1 && path.EndsWith('/') && Match(0, path[..^1], 0, labels))
            {
                return labels;
            }
            return null;
        }

        private bool Match(int partIndex, string path, int position, Dictionary<string, string> labels)
        {
            if (partIndex == _parts.Count)
            {
                return position == path.Length;
            }
            var (text, isLabel, greedy) = _parts[partIndex];
            if (!isLabel)
            {
                return path.AsSpan(position).StartsWith(text, StringComparison.Ordinal)
                    && Match(partIndex + 1, path, position + text.Length, labels);
            }
            // A label takes at least one character: a segment's worth at most, or (greedy) as much as still lets the rest match.
            var limit = greedy ? path.Length : IndexOrEnd(path, '/', position);
            for (var end = greedy ? limit : position + 1; greedy ? end > position : end <= limit; end += greedy ? -1 : 1)
            {
                if (Match(partIndex + 1, path, end, labels))
                {
                    labels[text] = Uri.UnescapeDataString(path[position..end]);
                    return true;
                }
            }
            return false;
        }

        private static int IndexOrEnd(string s, char c, int start)
        {
            var i = s.IndexOf(c, start);
            return i < 0 ? s.Length : i;
        }
    }
}
