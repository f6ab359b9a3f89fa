using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Cli.Output;
using Stratus.Protocols;

namespace Stratus.Cli.Paging;

/// <summary>
/// The resume tokens of <c>--max-items</c> and <c>--starting-token</c>, in botocore's format so they can be
/// passed between stratus and the AWS CLI: base64 of the JSON object of the input tokens (and
/// <c>boto_truncate_amount</c>, the items of that page already shown). Binary token values are base64 text,
/// their paths listed under <c>boto_encoded_keys</c>.
/// </summary>
internal static class StartingToken
{
    private const string TruncateKey = "boto_truncate_amount";
    private const string EncodedKeys = "boto_encoded_keys";

    /// <summary>Encodes the input tokens of the next page (null values are kept as null) and how many of its items to skip.</summary>
    public static string Encode(IReadOnlyDictionary<string, JsonNode?> tokens, int? truncate)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var obj = new JsonObject();
        var encoded = new JsonArray();
        foreach (var (key, value) in tokens)
        {
            obj[key] = Plain(value, [key], encoded);
        }
        if (truncate is { } t)
        {
            obj[TruncateKey] = t;
        }
        if (encoded.Count > 0)
        {
            obj[EncodedKeys] = encoded;
        }
        var sb = new StringBuilder();
        Compact(sb, obj);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>Decodes a token into the input tokens and the number of items to skip on the first page.</summary>
    /// <exception cref="FormatException">Not a token this format makes.</exception>
    public static (Dictionary<string, JsonNode?> Tokens, int Truncate) Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token))) as JsonObject
                ?? throw new FormatException("the token is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException("the token is not JSON", e);
        }
        var truncate = 0;
        if (obj[TruncateKey] is JsonValue t && NativeValues.TryGetInt64(t, out var n))
        {
            truncate = (int)n;
        }
        obj.Remove(TruncateKey);
        if (obj[EncodedKeys] is JsonArray paths)
        {
            obj.Remove(EncodedKeys);
            foreach (var path in paths.OfType<JsonArray>())
            {
                DecodeBytes(obj, path.Select(p => p?.ToString() ?? "").ToArray());
            }
        }
        var tokens = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            tokens[key] = value?.DeepClone();
        }
        return (tokens, truncate);
    }

    private static void DecodeBytes(JsonNode node, string[] path)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            node = node is JsonObject o ? o[path[i]] ?? throw new FormatException("bad encoded key path") : throw new FormatException("bad encoded key path");
        }
        if (node is JsonObject parent && parent[path[^1]] is JsonValue v && v.TryGetValue<string>(out var s))
        {
            parent[path[^1]] = NativeValues.Blob(Convert.FromBase64String(s));
        }
    }

    /// <summary>A token value as plain JSON; bytes become base64 and their paths are recorded.</summary>
    private static JsonNode? Plain(JsonNode? value, List<string> path, JsonArray encoded)
    {
        switch (value)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (key, child) in o)
                {
                    copy[key] = Plain(child, [.. path, key], encoded);
                }
                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(child => OutputValues.Normalize(child)).ToArray());
            case JsonValue v when v.TryGetValue<byte[]>(out var bytes):
                encoded.Add((JsonNode?)new JsonArray(path.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()));
                return JsonValue.Create(Convert.ToBase64String(bytes));
            default:
                return OutputValues.Normalize(value);
        }
    }

    /// <summary>JSON as Python's <c>json.dumps</c> writes it by default: ", " and ": " separators, non-ASCII escaped.</summary>
    private static void Compact(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in o)
                {
                    sb.Append(first ? "" : ", ");
                    first = false;
                    AsciiString(sb, key);
                    sb.Append(": ");
                    Compact(sb, value);
                }
                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ");
                    Compact(sb, a[i]);
                }
                sb.Append(']');
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                AsciiString(sb, s);
                break;
            default:
                sb.Append(Scalars.JsonLiteral(node));
                break;
        }
    }

    private static void AsciiString(StringBuilder sb, string s)
    {
        var inner = new StringBuilder();
        Scalars.AppendJsonString(inner, s);
        foreach (var c in inner.ToString())
        {
            if (c > 0x7f)
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
    }
}
