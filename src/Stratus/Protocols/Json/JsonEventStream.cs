using System.Text;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.EventStreams;

namespace Stratus.Protocols.Json;

/// <summary>
/// Reads an event-stream output of the JSON protocols: the <c>initial-response</c> event fills the
/// output's other members; every other event becomes <c>{"EventType": {members}}</c> in a list under
/// the event-stream member. Event members come from the JSON payload, the raw payload
/// (<c>eventpayload</c>) or message headers (<c>eventheader</c>).
/// The stream is read to its end before this returns.
/// </summary>
internal static class JsonEventStream
{
    /// <summary>Reads the events of <paramref name="body"/> into <paramref name="result"/>.</summary>
    public static void Read(Shape output, string streamMember, Stream body, JsonObject result)
    {
        var streamShape = output.Members[streamMember];
        var events = new JsonArray();
        var reader = new EventStreamReader(body);
        while (reader.Read() is { } message)
        {
            switch (message.Header(":message-type"))
            {
                case "event" when message.Header(":event-type") == "initial-response":
                    using (var doc = JsonBodyReader.ParseDocument(message.Payload))
                    {
                        if (doc is not null)
                        {
                            JsonBodyReader.ReadMembers(output.Members.Where(m => m.Key != streamMember), doc.RootElement, result);
                        }
                    }
                    break;
                case "event":
                case "exception":
                    var type = message.Header(":event-type") ?? message.Header(":exception-type") ?? "";
                    if (streamShape.Members.TryGetValue(type, out var eventShape))
                    {
                        events.Add((JsonNode)new JsonObject { [type] = ReadEvent(eventShape, message) });
                    }
                    break;
                case "error":
                    throw new InvalidDataException(
                        $"The event stream failed: {message.Header(":error-code")}: {message.Header(":error-message")}");
            }
        }
        result[streamMember] = events;
    }

    private static JsonObject ReadEvent(Shape eventShape, EventStreamMessage message)
    {
        var result = new JsonObject();
        var bodyMembers = new List<KeyValuePair<string, Shape>>();
        foreach (var (name, member) in eventShape.Members)
        {
            if (member.EventHeader)
            {
                if (message.Headers[member.WireName] is { } header)
                {
                    result[name] = header.DeepClone();
                }
            }
            else if (member.EventPayload)
            {
                result[name] = member.Type switch
                {
                    ShapeType.Blob => NativeValues.Blob(message.Payload.ToArray()),
                    ShapeType.String => JsonValue.Create(Encoding.UTF8.GetString(message.Payload.Span)),
                    _ => ParsePayload(member, message.Payload),
                };
            }
            else
            {
                bodyMembers.Add(new(name, member));
            }
        }
        if (bodyMembers.Count > 0)
        {
            using var doc = JsonBodyReader.ParseDocument(message.Payload);
            if (doc is not null)
            {
                JsonBodyReader.ReadMembers(bodyMembers, doc.RootElement, result);
            }
        }
        return result;
    }

    private static JsonNode? ParsePayload(Shape shape, ReadOnlyMemory<byte> payload)
    {
        using var doc = JsonBodyReader.ParseDocument(payload);
        return doc is null ? null : JsonBodyReader.Read(shape, doc.RootElement);
    }
}
