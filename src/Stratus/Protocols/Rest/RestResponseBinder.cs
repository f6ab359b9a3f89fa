using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Rest;

/// <summary>
/// The HTTP bindings shared by rest-json and rest-xml responses: header members, prefix-header maps and
/// the status code. The protocol parses the body into the members this leaves.
/// </summary>
public static class RestResponseBinder
{
    /// <summary>Reads the located members of <paramref name="shape"/> from the response into <paramref name="result"/>; returns the body members.</summary>
    public static List<KeyValuePair<string, Shape>> Bind(Shape shape, RawResponse response, JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(result);
        var body = new List<KeyValuePair<string, Shape>>();
        foreach (var (name, member) in shape.MemberArray)
        {
            switch (member.Location)
            {
                case "header":
                    if (response.Headers.TryGetValue(member.WireName, out var text))
                    {
                        var parsed = ParseHeader(member, text);
                        if (parsed is not null)
                        {
                            result[name] = parsed;
                        }
                    }
                    break;
                case "headers":
                    var map = new JsonObject();
                    // With no locationName the prefix is empty (every header), not the member name.
                    var prefix = member.LocationName ?? "";
                    if (response.Headers is Dictionary<string, string> headers)
                    {
                        // The concrete type's enumerator is a struct: nothing allocated per call.
                        foreach (var (header, value) in headers)
                        {
                            AddPrefixed(map, prefix, member.Value, header, value);
                        }
                    }
                    else
                    {
                        foreach (var (header, value) in response.Headers)
                        {
                            AddPrefixed(map, prefix, member.Value, header, value);
                        }
                    }
                    // Present even when empty, as in botocore: "no such headers" is an answer too.
                    result[name] = map;
                    break;
                case "statusCode":
                    result[name] = response.StatusCode;
                    break;
                default:
                    // Including uri and querystring members: a response has neither, so they come from the body.
                    body.Add(new(name, member));
                    break;
            }
        }
        return body;
    }

    /// <summary>
    /// <see cref="Bind(Shape, RawResponse, JsonObject)"/> into a builder (the result is then made at its size), returning the body members as
    /// an array worked out once per shape.
    /// </summary>
    internal static KeyValuePair<string, Shape>[] Bind(Shape shape, RawResponse response, ref ObjectBuilder result)
    {
        foreach (var (name, member) in shape.MemberArray)
        {
            switch (member.Location)
            {
                case "header":
                    if (response.Headers.TryGetValue(member.WireName, out var text) && ParseHeader(member, text) is { } parsed)
                    {
                        result.Set(name, parsed);
                    }
                    break;
                case "headers":
                    var map = new JsonObject();
                    var prefix = member.LocationName ?? "";
                    if (response.Headers is Dictionary<string, string> headers)
                    {
                        foreach (var (header, value) in headers)
                        {
                            AddPrefixed(map, prefix, member.Value, header, value);
                        }
                    }
                    else
                    {
                        foreach (var (header, value) in response.Headers)
                        {
                            AddPrefixed(map, prefix, member.Value, header, value);
                        }
                    }
                    result.Set(name, map);
                    break;
                case "statusCode":
                    result.Set(name, response.StatusCode);
                    break;
            }
        }
        return BodyMembers.GetValue(shape, static s => [.. s.MemberArray.Where(m => m.Value.Location is not ("header" or "headers" or "statusCode"))]);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Shape, KeyValuePair<string, Shape>[]> BodyMembers = new();

    private static void AddPrefixed(JsonObject map, string prefix, Shape valueShape, string header, string value)
    {
        if (header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            map[header[prefix.Length..]] = ParseHeader(valueShape, value);
        }
    }

    /// <summary>Parses a header value into native data for a member's shape.</summary>
    public static JsonNode? ParseHeader(Shape shape, string text)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(text);
        if (shape.Type == ShapeType.List)
        {
            var array = new JsonArray();
            foreach (var item in SplitList(text, shape.Member.Type == ShapeType.Timestamp && (shape.Member.TimestampFormat ?? Timestamps.Rfc822) == Timestamps.Rfc822))
            {
                array.Add(ParseScalar(shape.Member, item));
            }
            return array;
        }
        if (shape.JsonValue)
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            return JsonNode.Parse(json);
        }
        return ParseScalar(shape, text);
    }

    /// <summary>Parses a scalar from header or URI text.</summary>
    internal static JsonNode? ParseScalar(Shape shape, string text) => shape.Type switch
    {
        ShapeType.Timestamp => NativeValues.Timestamp(Timestamps.Parse(text)),
        ShapeType.Boolean => JsonValue.Create(bool.Parse(text)),
        ShapeType.Integer => JsonValue.Create(int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        ShapeType.Long => JsonValue.Create(long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        ShapeType.Float or ShapeType.Double => JsonValue.Create(NativeValues.TryParseDouble(text, out var d) ? d : throw new FormatException($"'{text}' is not a number.")),
        ShapeType.Blob => NativeValues.Blob(Convert.FromBase64String(text)),
        _ => JsonValue.Create(text),
    };

    /// <summary>Splits a comma-separated header list, honouring quoted items; HTTP dates contain a comma each, so they split on every second one.</summary>
    internal static List<string> SplitList(string text, bool httpDates)
    {
        var items = new List<string>();
        if (httpDates)
        {
            var parts = text.Split(',');
            for (var i = 0; i + 1 < parts.Length; i += 2)
            {
                items.Add((parts[i] + "," + parts[i + 1]).Trim());
            }
            return items;
        }
        var sb = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < text.Length)
                {
                    sb.Append(text[++i]);
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"' && sb.ToString().Trim().Length == 0)
            {
                sb.Clear();
                quoted = wasQuoted = true;
            }
            else if (c == ',')
            {
                items.Add(wasQuoted ? sb.ToString() : sb.ToString().Trim());
                sb.Clear();
                wasQuoted = false;
            }
            else
            {
                sb.Append(c);
            }
        }
        items.Add(wasQuoted ? sb.ToString() : sb.ToString().Trim());
        return items;
    }
}
