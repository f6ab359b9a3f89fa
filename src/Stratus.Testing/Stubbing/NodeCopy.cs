using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Testing.Stubbing;

/// <summary>
/// Copies native data keeping its .NET values: <see cref="JsonNode.DeepClone"/> would turn bytes, streams and
/// the wildcard into their JSON text (a blob would come back as its base64 string).
/// </summary>
internal static class NodeCopy
{
    /// <summary>Copies an object, leaving out the members named in <paramref name="except"/>.</summary>
    public static JsonObject Object(JsonObject source, params string[] except)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in source)
        {
            if (!except.Contains(name, StringComparer.Ordinal))
            {
                copy[name] = Node(value);
            }
        }
        return copy;
    }

    /// <summary>Copies any node.</summary>
    public static JsonNode? Node(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => Object(o),
        JsonArray a => new JsonArray([.. a.Select(Node)]),
        JsonValue v when AnyValue.Is(v) => AnyValue.Create(),
        JsonValue v when v.TryGetValue<byte[]>(out var bytes) => NativeValues.Blob(bytes),
        JsonValue v when v.TryGetValue<Stream>(out var stream) => NativeValues.Stream(stream),
        _ => node.DeepClone(),
    };
}
