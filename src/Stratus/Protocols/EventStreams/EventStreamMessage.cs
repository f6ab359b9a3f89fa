using System.Text.Json.Nodes;

namespace Stratus.Protocols.EventStreams;

/// <summary>One message of an <c>application/vnd.amazon.eventstream</c> body: typed headers and a payload.</summary>
/// <param name="Headers">The headers as native values (booleans, numbers, blobs, strings, timestamps; UUIDs as text).</param>
/// <param name="Payload">The payload bytes.</param>
public sealed record EventStreamMessage(JsonObject Headers, ReadOnlyMemory<byte> Payload)
{
    /// <summary>Gets a string header, or null.</summary>
    public string? Header(string name) => Headers[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
