using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Stratus.Testing.Stubbing;

/// <summary>
/// The wildcard of expected parameters (<see cref="Stubber.Any"/>): a JSON value wrapping a marker object, so it
/// can never be confused with data a client sends. A fresh node each time, because a node has one parent.
/// </summary>
internal sealed class AnyValue
{
    private static readonly AnyValue Instance = new();
    private static readonly JsonSerializerOptions Options = new() { TypeInfoResolver = JsonTypeInfoResolver.Combine() };
    private static readonly JsonTypeInfo<AnyValue> Info = JsonMetadataServices.CreateValueInfo<AnyValue>(Options, new Converter());

    private AnyValue()
    {
    }

    /// <summary>A new wildcard node.</summary>
    public static JsonValue Create() => JsonValue.Create(Instance, Info)!;

    /// <summary>Whether a node is the wildcard.</summary>
    public static bool Is(JsonNode? node) => node is JsonValue v && v.TryGetValue<AnyValue>(out _);

    public override string ToString() => "<ANY>";

    private sealed class Converter : JsonConverter<AnyValue>
    {
        public override AnyValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Stubber.Any cannot be read from JSON.");

        public override void Write(Utf8JsonWriter writer, AnyValue value, JsonSerializerOptions options) =>
            writer.WriteStringValue("<ANY>");
    }
}
