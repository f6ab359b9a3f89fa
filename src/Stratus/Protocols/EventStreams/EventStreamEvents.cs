using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.EventStreams;

/// <summary>
/// Turns event stream messages into events, driven by the event stream shape. Only the parsing of a
/// structure payload depends on the protocol (XML or JSON), so the protocol passes it in.
/// </summary>
internal static class EventStreamEvents
{
    /// <summary>
    /// Parses one message: an event becomes <c>{"EventName": {...}}</c> (null for an event type the model does not know);
    /// an error or exception message throws <see cref="EventStreamException"/>.
    /// </summary>
    /// <param name="stream">The event stream shape (a union of event structures).</param>
    /// <param name="message">The message.</param>
    /// <param name="parseBody">Parses a payload into the given structure shape (protocol-specific).</param>
    public static JsonObject? Parse(Shape stream, EventStreamMessage message, Func<Shape, ReadOnlyMemory<byte>, JsonObject> parseBody)
    {
        switch (message.Header(":message-type"))
        {
            case "error":
                throw new EventStreamException(message.Header(":error-code") ?? "Unknown", message.Header(":error-message"));
            case "exception":
                var type = message.Header(":exception-type") ?? "Unknown";
                throw new EventStreamException(type, Encoding.UTF8.GetString(message.Payload.Span));
        }
        if (message.Header(":event-type") is not { } name || !stream.Members.TryGetValue(name, out var eventShape))
        {
            return null;
        }
        var e = new JsonObject();
        var hasPayloadMember = false;
        foreach (var (memberName, member) in eventShape.Members)
        {
            if (member.EventHeader)
            {
                Move(message.Headers, memberName, e);
            }
            else if (member.EventPayload)
            {
                hasPayloadMember = true;
                e[memberName] = member.Type switch
                {
                    ShapeType.Blob => NativeValues.Blob(message.Payload.ToArray()),
                    ShapeType.String => Encoding.UTF8.GetString(message.Payload.Span),
                    _ => parseBody(member, message.Payload),
                };
            }
        }
        if (!hasPayloadMember && !message.Payload.IsEmpty)
        {
            // No member is the payload: the payload holds the event's other members.
            var body = parseBody(eventShape, message.Payload);
            foreach (var key in body.Select(p => p.Key).ToArray())
            {
                if (!e.ContainsKey(key))
                {
                    Move(body, key, e);
                }
            }
        }
        return new JsonObject { [name] = e };
    }

    // Moves a node between objects (a node has one parent; cloning would lose native values such as blobs).
    private static void Move(JsonObject from, string key, JsonObject to)
    {
        if (from[key] is { } node)
        {
            from.Remove(key);
            to[key] = node;
        }
    }
}
