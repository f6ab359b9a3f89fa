namespace Stratus.Protocols.EventStreams;

/// <summary>
/// One message of an <c>application/vnd.amazon.eventstream</c> body: typed headers
/// (<c>:message-type</c>, <c>:event-type</c>, ...) and a payload whose encoding the protocol decides.
/// </summary>
/// <param name="Headers">The headers; values are bool, sbyte, short, int, long, byte[], string, DateTimeOffset or Guid.</param>
/// <param name="Payload">The payload bytes.</param>
internal sealed record EventStreamMessage(IReadOnlyDictionary<string, object> Headers, byte[] Payload)
{
    /// <summary>A string header, or null.</summary>
    public string? Text(string name) => Headers.TryGetValue(name, out var v) ? v as string : null;
}
