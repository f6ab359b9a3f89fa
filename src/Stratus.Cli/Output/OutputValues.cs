using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols.EventStreams;

namespace Stratus.Cli.Output;

/// <summary>
/// Turns a result's native values into plain JSON data for printing, as the AWS CLI v2 shows them: timestamps as
/// ISO 8601 text, blobs as base64, integers and floats kept apart (so <c>1.0</c> stays a float). Live streams and
/// event streams are left out (a streaming body goes to a file instead).
/// </summary>
internal static class OutputValues
{
    /// <summary>A plain copy of <paramref name="node"/>: strings, booleans, longs, doubles, objects, lists and nulls only.</summary>
    public static JsonNode? Normalize(JsonNode? node) => Copy(node, out _);

    /// <summary>A plain copy of a result without its <c>ResponseMetadata</c> (the AWS CLI never prints it).</summary>
    public static JsonObject WithoutMetadata(JsonObject result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var copy = new JsonObject();
        foreach (var (key, value) in result)
        {
            if (key == "ResponseMetadata")
            {
                continue;
            }
            var plain = Copy(value, out var skip);
            if (!skip)
            {
                copy[key] = plain;
            }
        }
        return copy;
    }

    private static JsonNode? Copy(JsonNode? node, out bool skip)
    {
        skip = false;
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var o = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var plain = Copy(value, out var skipValue);
                    if (!skipValue)
                    {
                        o[key] = plain;
                    }
                }
                return o;
            case JsonArray array:
                var a = new JsonArray();
                foreach (var item in array)
                {
                    var plain = Copy(item, out var skipItem);
                    if (!skipItem)
                    {
                        a.Add(plain);
                    }
                }
                return a;
            case JsonValue v:
                var scalar = Scalar(v);
                skip = scalar is Skip;
                return skip ? null : (JsonNode?)scalar;
            default:
                return node.DeepClone();
        }
    }

    private static object? Scalar(JsonValue v)
    {
        if (v.TryGetValue<JsonElement>(out var e))
        {
            return e.ValueKind switch
            {
                JsonValueKind.String => JsonValue.Create(e.GetString()),
                JsonValueKind.True => JsonValue.Create(true),
                JsonValueKind.False => JsonValue.Create(false),
                JsonValueKind.Number => Number(e.GetRawText()),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => JsonNode.Parse(e.GetRawText()),
            };
        }
        if (v.TryGetValue<string>(out var s))
        {
            return JsonValue.Create(s);
        }
        if (v.TryGetValue<bool>(out var b))
        {
            return JsonValue.Create(b);
        }
        if (v.TryGetValue<DateTimeOffset>(out var dto))
        {
            return JsonValue.Create(Scalars.IsoTimestamp(dto));
        }
        if (v.TryGetValue<DateTime>(out var dt))
        {
            return JsonValue.Create(Scalars.IsoTimestamp(dt.Kind == DateTimeKind.Local ? new DateTimeOffset(dt) : new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc))));
        }
        if (v.TryGetValue<byte[]>(out var bytes))
        {
            return JsonValue.Create(Convert.ToBase64String(bytes));
        }
        if (v.TryGetValue<ReadOnlyMemory<byte>>(out var memory))
        {
            return JsonValue.Create(Convert.ToBase64String(memory.Span));
        }
        if (v.TryGetValue<Stream>(out _) || v.TryGetValue<EventStream>(out _))
        {
            return Skip.Instance;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return JsonValue.Create(l);
        }
        if (v.TryGetValue<int>(out var i))
        {
            return JsonValue.Create((long)i);
        }
        if (v.TryGetValue<double>(out var d))
        {
            return JsonValue.Create(d);
        }
        if (v.TryGetValue<float>(out var f))
        {
            return JsonValue.Create(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }
        if (v.TryGetValue<decimal>(out var m))
        {
            return Number(m.ToString(CultureInfo.InvariantCulture));
        }
        // Any other CLR number (short, uint, ...), through its JSON text.
        return v.GetValueKind() switch
        {
            JsonValueKind.Number => Number(v.ToJsonString()),
            JsonValueKind.String => JsonValue.Create(v.ToJsonString().Trim('"')),
            _ => JsonValue.Create(v.ToJsonString()),
        };
    }

    /// <summary>A number from its JSON text: a long when it is written as an integer and fits, a double otherwise.</summary>
    private static JsonValue Number(string text)
    {
        var isInteger = text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
        if (isInteger && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }
        return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private sealed class Skip
    {
        public static readonly Skip Instance = new();
    }
}
