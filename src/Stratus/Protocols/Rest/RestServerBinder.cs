using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Protocols.Rest;

/// <summary>
/// The HTTP bindings of rest-json and rest-xml, server side: a request's URI labels, query string,
/// headers and prefix headers read into input members; an output's (or error's) header, prefix-header
/// and status-code members written to the response. The protocol reads or writes the body from the
/// members this leaves. Values are read with the client's parsers (<see cref="RestResponseBinder"/>) and
/// written with its formatters (<see cref="RestRequestBinder"/>), so both sides agree.
/// </summary>
public static class RestServerBinder
{
    /// <summary>
    /// Reads the located input members of a request into <paramref name="input"/> (replacing any value already
    /// there, so a protocol may read the body first); returns the input members that go in the body. A bare query
    /// key (<c>?prefix</c>) reads as an empty value, as HTTP servers read it.
    /// </summary>
    /// <exception cref="ProtocolReadException">The path does not match the operation's template.</exception>
    /// <exception cref="FormatException">A label, query or header value does not fit its member.</exception>
    public static List<KeyValuePair<string, Shape>> BindRequest(OperationModel operation, ServerRequest request, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        var body = new List<KeyValuePair<string, Shape>>();
        if (operation.Input is not { } shape)
        {
            return body;
        }
        Dictionary<string, string>? labels = null;
        foreach (var (name, member) in shape.Members)
        {
            switch (member.Location)
            {
                case "uri":
                    labels ??= RestRequestMatcher.MatchLabels(operation, request.Path)
                        ?? throw new ProtocolReadException($"The path '{request.Path}' does not match {operation.Name}'s '{operation.RequestUri}'.");
                    if (labels.TryGetValue(member.WireName, out var label))
                    {
                        input[name] = RestResponseBinder.ParseScalar(member, label);
                    }
                    break;
                case "querystring":
                    if (ReadQuery(operation, member, request) is { } query)
                    {
                        input[name] = query;
                    }
                    break;
                case "header":
                    if (request.Headers.TryGetValue(member.WireName, out var text) && RestResponseBinder.ParseHeader(member, text) is { } header)
                    {
                        input[name] = header;
                    }
                    break;
                case "headers":
                    if (ReadPrefixHeaders(shape, member, request.Headers) is { } map)
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
        return body;
    }

    /// <summary>
    /// Writes the header, prefix-header and status-code members of <paramref name="output"/> (an output or an error) to
    /// the response; returns the members that go in the body.
    /// </summary>
    public static List<KeyValuePair<string, Shape>> BindResponse(Shape shape, JsonObject output, ServerResponse response)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(response);
        var body = new List<KeyValuePair<string, Shape>>();
        foreach (var (name, member) in shape.Members)
        {
            var value = output[name];
            switch (member.Location)
            {
                case "header":
                    if (value is not null && value is not JsonArray { Count: 0 })
                    {
                        response.Headers[member.WireName] = RestRequestBinder.HeaderValue(member, value);
                    }
                    break;
                case "headers":
                    foreach (var (key, item) in value as JsonObject ?? [])
                    {
                        if (item is not null)
                        {
                            response.Headers[(member.LocationName ?? "") + key] = RestRequestBinder.HeaderValue(member.Value, item);
                        }
                    }
                    break;
                case "statusCode":
                    if (NativeValues.TryGetInt64(value, out var status))
                    {
                        response.StatusCode = (int)status;
                    }
                    break;
                default:
                    // Label and query locations mean nothing in a response: such members go in the body, where clients read them.
                    body.Add(new(name, member));
                    break;
            }
        }
        return body;
    }

    private static JsonNode? ReadQuery(OperationModel operation, Shape member, ServerRequest request)
    {
        switch (member.Type)
        {
            case ShapeType.List:
                var list = new JsonArray();
                foreach (var (key, value) in request.Query)
                {
                    if (key == member.WireName)
                    {
                        list.Add(RestResponseBinder.ParseScalar(member.Member, value ?? ""));
                    }
                }
                return list.Count > 0 ? list : null;
            case ShapeType.Map:
                // Every parameter but the template's literal ones, as Smithy servers do (even those bound to other members).
                var literal = RestRequestMatcher.LiteralQueryKeys(operation).ToHashSet(StringComparer.Ordinal);
                var multi = member.Value.Type == ShapeType.List;
                var map = new JsonObject();
                foreach (var (key, value) in request.Query)
                {
                    if (literal.Contains(key))
                    {
                        continue;
                    }
                    if (multi)
                    {
                        if (map[key] is not JsonArray values)
                        {
                            map[key] = values = [];
                        }
                        values.Add(RestResponseBinder.ParseScalar(member.Value.Member, value ?? ""));
                    }
                    else if (!map.ContainsKey(key))
                    {
                        map[key] = RestResponseBinder.ParseScalar(member.Value, value ?? "");
                    }
                }
                return map.Count > 0 ? map : null;
            default:
                foreach (var (key, value) in request.Query)
                {
                    if (key == member.WireName)
                    {
                        return RestResponseBinder.ParseScalar(member, value ?? "");
                    }
                }
                return null;
        }
    }

    private static JsonObject? ReadPrefixHeaders(Shape shape, Shape member, Dictionary<string, string> headers)
    {
        // Headers bound to their own members are not part of the map (they matter when the prefix is empty), nor is a
        // header that is the prefix alone (it names no key).
        var bound = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var other in shape.Members.Values)
        {
            if (other.Location == "header")
            {
                bound.Add(other.WireName);
            }
        }
        var prefix = member.LocationName ?? "";
        var map = new JsonObject();
        foreach (var (header, value) in headers)
        {
            if (header.Length > prefix.Length && header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !bound.Contains(header))
            {
                map[header[prefix.Length..]] = RestResponseBinder.ParseHeader(member.Value, value);
            }
        }
        return map.Count > 0 ? map : null;
    }
}
