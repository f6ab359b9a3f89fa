using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Rest;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.RestXml;

/// <summary>
/// The HTTP bindings of rest-xml, on the server side (kept beside <see cref="RestServerBinder"/> by the merge of server-xml): URI labels, the query string and headers
/// (prefix headers too) into an operation's input members; an output's (or error's) header, prefix-header and
/// status-code members into the response. The protocol reads and writes the body from the members this leaves.
/// Values are read and written as the client side does (<see cref="RestResponseBinder.ParseHeader"/>,
/// <see cref="RestRequestBinder.HeaderValue"/>).
/// </summary>
internal static class RestXmlServerBinder
{
    /// <summary>
    /// Reads the located input members from the request into <paramref name="input"/> (they replace any value already there);
    /// returns the members that go in the body.
    /// </summary>
    /// <param name="operation">The operation called.</param>
    /// <param name="request">The request.</param>
    /// <param name="labels">The decoded URI labels (<see cref="RestRequestMatcher.MatchLabels"/>).</param>
    /// <param name="input">The input being read.</param>
    /// <exception cref="FormatException">A label, query or header value does not fit its member.</exception>
    public static List<KeyValuePair<string, Shape>> BindRequest(OperationModel operation, ServerRequest request, IReadOnlyDictionary<string, string> labels, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(input);
        var body = new List<KeyValuePair<string, Shape>>();
        if (operation.Input is not { } shape)
        {
            return body;
        }
        // Query keys already taken: the literal ones of the request URI and the explicitly bound members'; a map takes the rest.
        var bound = new HashSet<string>(RestRequestMatcher.LiteralQueryKeys(operation), StringComparer.Ordinal);
        KeyValuePair<string, Shape>? queryMap = null;
        foreach (var (name, member) in shape.Members)
        {
            switch (member.Location)
            {
                case "uri":
                    if (labels.TryGetValue(member.WireName, out var label))
                    {
                        input[name] = RestResponseBinder.ParseScalar(member, label);
                    }
                    break;
                case "querystring":
                    if (member.Type == ShapeType.Map)
                    {
                        queryMap = new(name, member);
                        break;
                    }
                    bound.Add(member.WireName);
                    if (QueryValue(member, request.Query.Where(p => p.Key == member.WireName)) is { } value)
                    {
                        input[name] = value;
                    }
                    break;
                case "header":
                    if (request.Header(member.WireName) is { } header && RestResponseBinder.ParseHeader(member, header) is { } parsed)
                    {
                        input[name] = parsed;
                    }
                    break;
                case "headers":
                    if (PrefixHeaders(member, request.Headers) is { } map)
                    {
                        input[name] = map;
                    }
                    break;
                case "statusCode":
                    break;
                default:
                    body.Add(new(name, member));
                    break;
            }
        }
        if (queryMap is { } m && QueryMap(m.Value, request.Query.Where(p => !bound.Contains(p.Key))) is { } entries)
        {
            input[m.Key] = entries;
        }
        return body;
    }

    /// <summary>
    /// Writes the located members of <paramref name="value"/> (an output or an error) into the response: header and
    /// prefix-header members as headers, a status-code member as the status; returns the members that go in the body.
    /// </summary>
    public static List<KeyValuePair<string, Shape>> BindResponse(Shape shape, JsonObject value, ServerResponse response)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(response);
        var body = new List<KeyValuePair<string, Shape>>();
        foreach (var (name, member) in shape.Members)
        {
            var memberValue = value[name];
            switch (member.Location)
            {
                case "header":
                    if (memberValue is not null && !(member.Type == ShapeType.List && memberValue is JsonArray { Count: 0 }))
                    {
                        response.Headers[member.WireName] = RestRequestBinder.HeaderValue(member, memberValue);
                    }
                    break;
                case "headers":
                    foreach (var (key, item) in memberValue as JsonObject ?? [])
                    {
                        if (item is not null)
                        {
                            response.Headers[(member.LocationName ?? "") + key] = RestRequestBinder.HeaderValue(member.Value, item);
                        }
                    }
                    break;
                case "statusCode":
                    if (NativeValues.TryGetInt64(memberValue, out var status))
                    {
                        response.StatusCode = (int)status;
                    }
                    break;
                default:
                    body.Add(new(name, member));
                    break;
            }
        }
        return body;
    }

    private static JsonNode? QueryValue(Shape member, IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        if (member.Type == ShapeType.List)
        {
            JsonArray? items = null;
            foreach (var (_, text) in pairs)
            {
                (items ??= []).Add(RestResponseBinder.ParseScalar(member.Member, text ?? ""));
            }
            return items;
        }
        foreach (var (_, text) in pairs)
        {
            // A bare key (?flag) gives no value to a member.
            return text is null ? null : RestResponseBinder.ParseScalar(member, text);
        }
        return null;
    }

    private static JsonObject? QueryMap(Shape map, IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        JsonObject? entries = null;
        var listValues = map.Value.Type == ShapeType.List;
        foreach (var (key, text) in pairs)
        {
            entries ??= [];
            if (!listValues)
            {
                entries.TryAdd(key, RestResponseBinder.ParseScalar(map.Value, text ?? ""));
            }
            else
            {
                if (entries[key] is not JsonArray items)
                {
                    entries[key] = items = [];
                }
                items.Add(RestResponseBinder.ParseScalar(map.Value.Member, text ?? ""));
            }
        }
        return entries;
    }

    // The headers under the member's prefix, by the rest of their names; null when there are none.
    private static JsonObject? PrefixHeaders(Shape member, Dictionary<string, string> headers)
    {
        var prefix = member.LocationName ?? "";
        JsonObject? map = null;
        foreach (var (header, text) in headers)
        {
            if (header.Length > prefix.Length && header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                (map ??= [])[header[prefix.Length..]] = RestResponseBinder.ParseHeader(member.Value, text);
            }
        }
        return map;
    }
}
