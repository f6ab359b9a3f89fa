using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Conformance;

/// <summary>
/// Compares a parsed result with a suite's expectation, after turning Stratus's native values into the
/// suites' conventions: timestamps as epoch seconds, blobs and streams as text, special floats as strings.
/// </summary>
internal static class ValueComparer
{
    public static string? Diff(string path, JsonNode? expected, JsonNode? actual)
    {
        actual = Normalize(actual);
        return Compare(path, expected, actual);
    }

    public static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (k, v) in o)
                {
                    copy[k] = Normalize(v);
                }
                return copy;
            case JsonArray a:
                var arr = new JsonArray();
                foreach (var v in a)
                {
                    arr.Add(Normalize(v));
                }
                return arr;
            case JsonValue v:
                if (v.TryGetValue<JsonElement>(out _))
                {
                    // Already plain JSON (a parsed body): an ISO-8601 or base64 string is text here, not a native value.
                    return v.DeepClone();
                }
                if (v.TryGetValue<DateTimeOffset>(out var ts))
                {
                    return JsonValue.Create(Timestamps.ToEpochSeconds(ts));
                }
                if (v.TryGetValue<byte[]>(out var bytes))
                {
                    return JsonValue.Create(Encoding.UTF8.GetString(bytes));
                }
                if (v.TryGetValue<Stratus.Protocols.EventStreams.EventStream>(out var events))
                {
                    // An event stream is compared as the list of its events (the suites give them that way).
                    var list = new JsonArray();
                    foreach (var e in events)
                    {
                        list.Add(Normalize(e));
                    }
                    return list;
                }
                if (v.TryGetValue<Stream>(out var stream))
                {
                    using var reader = new StreamReader(stream);
                    return JsonValue.Create(reader.ReadToEnd());
                }
                if (v.TryGetValue<double>(out var d) && !double.IsFinite(d))
                {
                    return JsonValue.Create(NativeValues.FormatDouble(d));
                }
                if (v.TryGetValue<float>(out var f) && !float.IsFinite(f))
                {
                    return JsonValue.Create(NativeValues.FormatDouble(f));
                }
                return JsonNode.Parse(v.ToJsonString());
            default:
                return null;
        }
    }

    private static string? Compare(string path, JsonNode? e, JsonNode? a)
    {
        if (e is null || a is null)
        {
            return e is null && a is null ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
        }
        switch (e)
        {
            case JsonObject eo when a is JsonObject ao:
                foreach (var (k, v) in eo)
                {
                    if (!ao.ContainsKey(k))
                    {
                        if (v is null)
                        {
                            continue;
                        }
                        return $"{path}.{k}: expected {Show(v)}, missing";
                    }
                    if (Compare($"{path}.{k}", v, ao[k]) is { } d)
                    {
                        return d;
                    }
                }
                foreach (var (k, v) in ao)
                {
                    if (!eo.ContainsKey(k) && v is not null)
                    {
                        return $"{path}.{k}: unexpected {Show(v)}";
                    }
                }
                return null;
            case JsonArray ea when a is JsonArray aa:
                if (ea.Count != aa.Count)
                {
                    return $"{path}: expected {ea.Count} items {Show(ea)}, got {aa.Count} {Show(aa)}";
                }
                for (var i = 0; i < ea.Count; i++)
                {
                    if (Compare($"{path}[{i}]", ea[i], aa[i]) is { } d)
                    {
                        return d;
                    }
                }
                return null;
            case JsonValue ev when a is JsonValue av:
                if (ev.GetValueKind() == JsonValueKind.Number && av.GetValueKind() == JsonValueKind.Number)
                {
                    // Through the JSON text: GetValue<double> throws for a value created from a long (CBOR integers).
                    var x = double.Parse(ev.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    var y = double.Parse(av.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
                    return x == y || Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x)) ? null : $"{path}: expected {x}, got {y}";
                }
                return JsonNode.DeepEquals(ev, av) ? null : $"{path}: expected {Show(ev)}, got {Show(av)}";
            default:
                return $"{path}: expected {Show(e)}, got {Show(a)}";
        }
    }

    private static string Show(JsonNode? n)
    {
        var s = n?.ToJsonString() ?? "null";
        return s.Length > 200 ? s[..200] + "…" : s;
    }
}
