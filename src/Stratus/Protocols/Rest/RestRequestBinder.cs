using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Rest;

/// <summary>
/// The HTTP bindings shared by rest-json and rest-xml requests: URI labels (greedy too), the query
/// string (with literal parts of the request URI and map-valued members), headers and prefix headers.
/// The protocol then writes the body from the members this leaves.
/// </summary>
public static class RestRequestBinder
{
    /// <summary>Binds the located members of <paramref name="input"/> into the request; returns the input members that go to the body.</summary>
    public static List<KeyValuePair<string, Shape>> Bind(OperationModel operation, JsonObject input, SerializedRequest request)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(request);
        var body = new List<KeyValuePair<string, Shape>>();
        var template = RequestUriTemplate.For(operation);
        request.Query.AddRange(template.Query);
        // The labels' values, by their place in the template (a few: kept off the heap).
        var labels = new LabelValues();
        var moreLabels = template.Labels.Length > 4 ? new string?[template.Labels.Length] : null;
        List<KeyValuePair<string, string?>>? mapQuery = null;
        if (operation.Input is { } shape)
        {
            foreach (var (name, member) in shape.MemberArray)
            {
                var value = input[name];
                if (value is null)
                {
                    continue;
                }
                switch (member.Location)
                {
                    case "uri":
                        var text = LabelValue(operation, name, member, value);
                        if (template.LabelIndex(member.WireName) is var index and >= 0)
                        {
                            if (moreLabels is not null)
                            {
                                moreLabels[index] = text;
                            }
                            else
                            {
                                labels[index] = text;
                            }
                        }
                        break;
                    case "querystring":
                        if (member.Type == ShapeType.Map)
                        {
                            mapQuery ??= [];
                            AddMapQuery(mapQuery, member, (JsonObject)value);
                        }
                        else if (member.Type == ShapeType.List)
                        {
                            foreach (var item in (JsonArray)value)
                            {
                                request.Query.Add(new(member.WireName, QueryValue(member.Member, item)));
                            }
                        }
                        else
                        {
                            request.Query.Add(new(member.WireName, QueryValue(member, value)));
                        }
                        break;
                    case "header":
                        if (member.Type == ShapeType.List && value is JsonArray { Count: 0 })
                        {
                            break;
                        }
                        request.Headers[member.WireName] = HeaderValue(member, value);
                        break;
                    case "headers":
                        foreach (var (k, v) in (JsonObject)value)
                        {
                            if (v is not null)
                            {
                                request.Headers[member.WireName + k] = HeaderValue(member.Value, v);
                            }
                        }
                        break;
                    case "statusCode":
                        break;
                    default:
                        body.Add(new(name, member));
                        break;
                }
            }
        }
        if (mapQuery is not null)
        {
            // Explicitly bound query members win over a map's keys of the same name; a map key may repeat (list values).
            var bound = new HashSet<string>(request.Query.Select(e => e.Key), StringComparer.Ordinal);
            foreach (var kv in mapQuery)
            {
                if (!bound.Contains(kv.Key))
                {
                    request.Query.Add(kv);
                }
            }
        }
        request.Path = template.RenderPath(operation, moreLabels ?? ((ReadOnlySpan<string?>)labels)[..template.Labels.Length]);
        return body;
    }

    [InlineArray(4)]
    private struct LabelValues
    {
        private string? _first;
    }

    private static string LabelValue(OperationModel operation, string name, Shape member, JsonNode value)
    {
        var text = Scalar(member, value, Timestamps.Iso8601);
        if (text.Length == 0)
        {
            throw new ArgumentException($"{operation}: the URI label '{name}' must not be empty.", name);
        }
        return text;
    }

    private static string QueryValue(Shape shape, JsonNode? value) => Scalar(shape, value, Timestamps.Iso8601);

    private static void AddMapQuery(List<KeyValuePair<string, string?>> query, Shape map, JsonObject value)
    {
        foreach (var (k, v) in value)
        {
            if (v is JsonArray list)
            {
                foreach (var item in list)
                {
                    query.Add(new(k, QueryValue(map.Value.Type == ShapeType.List ? map.Value.Member : map.Value, item)));
                }
            }
            else if (v is not null)
            {
                query.Add(new(k, QueryValue(map.Value, v)));
            }
        }
    }

    /// <summary>Formats a header value: timestamps as HTTP dates by default, lists comma-separated (quoted where needed), JSON values base64.</summary>
    public static string HeaderValue(Shape shape, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(value);
        if (shape.Type == ShapeType.List)
        {
            var parts = new List<string>();
            foreach (var item in (JsonArray)value)
            {
                var text = Scalar(shape.Member, item, Timestamps.Rfc822);
                if (shape.Member.Type == ShapeType.String && (text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)))
                {
                    text = "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
                }
                parts.Add(text);
            }
            return string.Join(", ", parts);
        }
        if (shape.JsonValue)
        {
            var json = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
        }
        return Scalar(shape, value, Timestamps.Rfc822);
    }

    /// <summary>Formats a scalar for a URI, query string or header.</summary>
    internal static string Scalar(Shape shape, JsonNode? value, string defaultTimestampFormat)
    {
        switch (shape.Type)
        {
            case ShapeType.Timestamp:
                return NativeValues.TryGetTimestamp(value, out var ts)
                    ? Timestamps.Format(ts, shape.TimestampFormat ?? defaultTimestampFormat)
                    : throw new FormatException($"'{value}' is not a timestamp.");
            case ShapeType.Boolean:
                return NativeValues.TryGetBoolean(value, out var b) ? (b ? "true" : "false") : throw new FormatException($"'{value}' is not a boolean.");
            case ShapeType.Blob:
                return NativeValues.TryGetBytes(value, out var bytes) ? Convert.ToBase64String(bytes) : throw new FormatException("A blob value is expected.");
            case ShapeType.Float:
            case ShapeType.Double:
                return NativeValues.TryGetDouble(value, out var d) ? NativeValues.FormatDouble(d) : throw new FormatException($"'{value}' is not a number.");
            case ShapeType.Integer:
            case ShapeType.Long:
                return NativeValues.TryGetInt64(value, out var l) ? l.ToString(CultureInfo.InvariantCulture) : throw new FormatException($"'{value}' is not an integer.");
            default:
                if (value is JsonValue jv)
                {
                    return jv.GetValueKind() switch
                    {
                        JsonValueKind.String => jv.GetValue<string>(),
                        _ => jv.ToJsonString(),
                    };
                }
                return value?.ToJsonString() ?? "";
        }
    }
}
