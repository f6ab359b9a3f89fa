using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Json;

/// <summary>
/// Reads a whole JSON response body into native values in one forward pass over a <see cref="Utf8JsonReader"/>,
/// giving the same result as <see cref="JsonBodyReader"/> over a <see cref="JsonDocument"/>. Building the
/// document first cost as much as the result itself (its metadata table grows and is copied while parsing),
/// and finding each member with <c>TryGetProperty</c> scanned an object once per model member (a DynamoDB
/// AttributeValue has ten). Here each property is read once and matched to its member by its UTF-8 name.
/// The document's rules are kept: the whole body must be valid JSON, a repeated member takes its last value
/// (a null removes it), structure members come out in model order, map entries in wire order.
/// </summary>
internal static class JsonStreamReader
{
    /// <summary>Reads the members of <paramref name="body"/>'s root object into <paramref name="result"/> (nothing when the body is empty or whitespace, or its root is not an object).</summary>
    public static void ReadMembers(KeyValuePair<string, Shape>[] members, ReadOnlySpan<byte> body, JsonObject result)
    {
        var start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }
        if (start == body.Length)
        {
            return;
        }
        var reader = new Utf8JsonReader(body);
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            ReadStructure(members, true, false, ref reader, result);
        }
        else
        {
            reader.Skip();
        }
        // Anything but whitespace after the root value is an error, as it is for JsonDocument.Parse.
        reader.Read();
    }

    /// <summary>Reads one value for <paramref name="shape"/>; the reader is on its first token and is left on its last.</summary>
    private static JsonNode? Read(Shape shape, ref Utf8JsonReader r)
    {
        var token = r.TokenType;
        switch (shape.Type)
        {
            case ShapeType.Structure when token == JsonTokenType.StartObject:
                return ReadStructure(shape.MemberArray, shape.WireNamesRepeat, shape.Union, ref r, null);
            case ShapeType.List when token == JsonTokenType.StartArray:
                var a = new ArrayBuilder();
                var itemShape = shape.Member;
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    a.Add(r.TokenType == JsonTokenType.Null ? null : Read(itemShape, ref r));
                }
                return a.ToArray();
            case ShapeType.Map when token == JsonTokenType.StartObject:
                var m = new ObjectBuilder();
                var valueShape = shape.Value;
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    var key = Text(ref r);
                    r.Read();
                    if (r.TokenType != JsonTokenType.Null)
                    {
                        m.Set(key, Read(valueShape, ref r));
                    }
                }
                return m.ToObject();
            case ShapeType.String when token == JsonTokenType.String:
                return JsonValue.Create(Text(ref r));
            case ShapeType.Integer when token == JsonTokenType.Number && r.TryGetInt32(out var i):
                return JsonValue.Create(i);
            case ShapeType.Integer or ShapeType.Long when token == JsonTokenType.Number && r.TryGetInt64(out var l):
                return JsonValue.Create(l);
            case ShapeType.Float or ShapeType.Double when token == JsonTokenType.Number:
                return JsonValue.Create(r.GetDouble());
            case ShapeType.Float or ShapeType.Double or ShapeType.Timestamp when token == JsonTokenType.String:
                var text = r.GetString()!;
                if (shape.Type == ShapeType.Timestamp)
                {
                    return Timestamps.TryParse(text, out var ts) ? NativeValues.Timestamp(ts) : JsonValue.Create(text);
                }
                return NativeValues.TryParseDouble(text, out var d) ? JsonValue.Create(d) : JsonValue.Create(text);
            case ShapeType.BigInteger or ShapeType.BigDecimal when token == JsonTokenType.Number:
                // Keeps every digit; the value reads as decimal, double or text as the caller needs.
                return JsonValue.Create(JsonElement.ParseValue(ref r));
            case ShapeType.Boolean when token is JsonTokenType.True or JsonTokenType.False:
                return JsonValue.Create(token == JsonTokenType.True);
            case ShapeType.Timestamp when token == JsonTokenType.Number:
                return NativeValues.Timestamp(Timestamps.FromEpochSeconds(r.GetDouble()));
            case ShapeType.Blob when token == JsonTokenType.String && r.TryGetBytesFromBase64(out var bytes):
                return NativeValues.Blob(bytes);
            default:
                // Documents, big numbers, and values that do not match their shape.
                return ToNode(ref r);
        }
    }

    // The slots of the structures being read on this thread, one run of model members per open structure
    // (a stack: a nested structure takes the run after its parent's). Reused from parse to parse, so reading
    // a structure rents and returns nothing; always read through t_slots, as a nested read may grow it.
    [ThreadStatic]
    private static KeyValuePair<string, JsonNode?>[]? t_slots;

    [ThreadStatic]
    private static int t_top;

    /// <summary>
    /// Reads a structure's properties (the reader on its '{', left on its '}') in model order, into
    /// <paramref name="into"/> or a new object. An empty union gets the first property with a value other than
    /// null that is not "__type", as the member it did not know.
    /// </summary>
    private static JsonObject ReadStructure(KeyValuePair<string, Shape>[] members, bool namesRepeat, bool union, ref Utf8JsonReader r, JsonObject? into)
    {
        string? firstName = null;
        var start = t_top;
        var end = start + members.Length;
        if (t_slots is null || t_slots.Length < end)
        {
            var bigger = new KeyValuePair<string, JsonNode?>[Math.Max(256, end * 2)];
            t_slots?.AsSpan(0, start).CopyTo(bigger);
            t_slots = bigger;
        }
        t_top = end;
        try
        {
            // One slot per model member, so the result keeps model order and a repeated name its last value.
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var index = IndexOf(members, namesRepeat, ref r, out var twice);
                var unknownName = index < 0 && union && firstName is null ? r.GetString() : null;
                r.Read();
                var isNull = r.TokenType == JsonTokenType.Null;
                if (union && firstName is null && !isNull)
                {
                    var name = index >= 0 ? members[index].Value.WireName : unknownName!;
                    if (name != "__type")
                    {
                        firstName = name;
                    }
                }
                if (index < 0)
                {
                    r.Skip();
                }
                else if (twice)
                {
                    // Two members on one wire name (rare): each reads the value, as each looked it up before.
                    using var doc = JsonDocument.ParseValue(ref r);
                    var wire = members[index].Value.WireNameUtf8;
                    for (var j = index; j < members.Length; j++)
                    {
                        if (members[j].Value.WireNameUtf8.AsSpan().SequenceEqual(wire))
                        {
                            t_slots![start + j] = new(members[j].Key, isNull ? null : JsonBodyReader.Read(members[j].Value, doc.RootElement));
                        }
                    }
                }
                else
                {
                    var value = isNull ? null : Read(members[index].Value, ref r);
                    t_slots![start + index] = new(members[index].Key, value);
                }
            }
            // Members present moved to the front of the run, in model order.
            var slots = t_slots!;
            var count = 0;
            for (var j = start; j < end; j++)
            {
                if (slots[j].Value is not null)
                {
                    slots[start + count++] = slots[j];
                }
            }
            if (into is not null)
            {
                for (var j = start; j < start + count; j++)
                {
                    into[slots[j].Key] = slots[j].Value;
                }
                return into;
            }
            if (union && count == 0)
            {
                var o = new JsonObject();
                if (firstName is not null)
                {
                    o[JsonBodyReader.UnknownUnionMember] = new JsonObject { ["name"] = firstName };
                }
                return o;
            }
            return ObjectBuilder.Build(slots, start, count);
        }
        finally
        {
            // Cleared so the slots hold no nodes alive, and given back for the next structure.
            t_slots.AsSpan(start, members.Length).Clear();
            t_top = start;
        }
    }

    /// <summary>The string or property name the reader is on; a short one shared through <see cref="Utf8StringCache"/>.</summary>
    private static string Text(ref Utf8JsonReader r)
    {
        if (!r.ValueIsEscaped && !r.HasValueSequence && r.ValueSpan.Length <= Utf8StringCache.ShortValue)
        {
            var utf8 = r.ValueSpan;
            if (utf8.Length == 0)
            {
                return "";
            }
            if (!Utf8StringCache.TryGet(utf8, out var known))
            {
                known = r.GetString()!;
                Utf8StringCache.Add(utf8, known);
            }
            return known;
        }
        // Escapes only shorten the text, and UTF-8 never has fewer bytes than UTF-16 has chars.
        var length = r.HasValueSequence ? r.ValueSequence.Length : r.ValueSpan.Length;
        if (length > SharedStrings.ShortValue)
        {
            return r.GetString()!;
        }
        Span<char> chars = stackalloc char[SharedStrings.ShortValue];
        return SharedStrings.Get(chars[..r.CopyString(chars)]);
    }

    /// <summary>
    /// The model member a property name (the reader on it) belongs to, or -1; <paramref name="twice"/> when a later
    /// member has the same wire name (looked for only when <paramref name="namesRepeat"/>; else the first match is the one).
    /// </summary>
    private static int IndexOf(KeyValuePair<string, Shape>[] members, bool namesRepeat, ref Utf8JsonReader r, out bool twice)
    {
        twice = false;
        var found = -1;
        var plain = !r.ValueIsEscaped && !r.HasValueSequence;
        var name = plain ? r.ValueSpan : default;
        for (var i = 0; i < members.Length; i++)
        {
            var wire = members[i].Value.WireNameUtf8;
            var match = plain ? name.SequenceEqual(wire) : r.ValueTextEquals(wire);
            if (match)
            {
                if (found >= 0)
                {
                    twice = true;
                    break;
                }
                found = i;
                if (!namesRepeat)
                {
                    break;
                }
            }
        }
        return found;
    }

    /// <summary>Converts the value the reader is on to a free-standing node (as <see cref="JsonBodyReader.ToNode"/>).</summary>
    private static JsonNode? ToNode(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
                var o = new ObjectBuilder();
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    var key = Text(ref r);
                    r.Read();
                    o.Set(key, ToNode(ref r));
                }
                return o.ToObject();
            case JsonTokenType.StartArray:
                var a = new ArrayBuilder();
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    a.Add(ToNode(ref r));
                }
                return a.ToArray();
            case JsonTokenType.String:
                return JsonValue.Create(Text(ref r));
            case JsonTokenType.Number:
                return r.TryGetInt64(out var l) ? JsonValue.Create(l) : JsonValue.Create(r.GetDouble());
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }
}
