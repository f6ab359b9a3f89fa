using System.Formats.Cbor;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Stratus.Models;

namespace Stratus.Protocols.Cbor;

/// <summary>
/// Reads CBOR (Smithy RPC v2) into native values, dispatching on the shape type. Accepts what the
/// protocol allows a server to send: definite or indefinite lengths, any float width (numbers are
/// upcast), tagged or untagged timestamps, and nulls (dropped from structures and maps).
/// Unknown members are skipped.
/// </summary>
internal static class CborBodyReader
{
    /// <summary>The key a union gets when the service sent a member this model does not know.</summary>
    public const string UnknownUnionMember = "SDK_UNKNOWN_MEMBER";

    // Wire name → (member name, shape), built once per structure shape.
    private static readonly ConditionalWeakTable<Shape, Dictionary<string, KeyValuePair<string, Shape>>> WireNames = new();

    /// <summary>Creates a reader over a body in the lenient mode servers may rely on.</summary>
    public static CborReader Open(ReadOnlyMemory<byte> body) => new(body, CborConformanceMode.Lax);

    /// <summary>Reads a top-level map of <paramref name="shape"/>'s members into <paramref name="result"/>; other top-level values are skipped.</summary>
    public static void ReadStructure(Shape shape, CborReader r, JsonObject result)
    {
        SkipTags(r);
        if (r.PeekState() != CborReaderState.StartMap)
        {
            r.SkipValue();
            return;
        }
        ReadStructureBody(shape, r, result);
    }

    /// <summary>Reads one value for <paramref name="shape"/>.</summary>
    public static JsonNode? Read(Shape shape, CborReader r)
    {
        SkipTags(r, keepBigNumbers: shape.Type is ShapeType.BigInteger or ShapeType.BigDecimal);
        var state = r.PeekState();
        if (state == CborReaderState.Null || state == CborReaderState.Undefined)
        {
            r.SkipValue();
            return null;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure when state == CborReaderState.StartMap:
                var o = new JsonObject();
                ReadStructureBody(shape, r, o);
                return o;
            case ShapeType.List when state == CborReaderState.StartArray:
                var a = new JsonArray();
                var count = r.ReadStartArray();
                for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndArray : i < count; i++)
                {
                    a.Add(Read(shape.Member, r));
                }
                r.ReadEndArray();
                return a;
            case ShapeType.Map when state == CborReaderState.StartMap:
                var m = new JsonObject();
                var entries = r.ReadStartMap();
                for (var i = 0; entries is null ? r.PeekState() != CborReaderState.EndMap : i < entries; i++)
                {
                    var key = r.ReadTextString();
                    if (IsNull(r))
                    {
                        r.SkipValue();
                    }
                    else
                    {
                        m[key] = Read(shape.Value, r);
                    }
                }
                r.ReadEndMap();
                return m;
            case ShapeType.String when state is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString:
                return r.ReadTextString();
            case ShapeType.Blob when state is CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString:
                return NativeValues.Blob(r.ReadByteString());
            case ShapeType.Blob when state is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString:
                return NativeValues.Blob(System.Text.Encoding.UTF8.GetBytes(r.ReadTextString()));
            case ShapeType.Boolean when state == CborReaderState.Boolean:
                return r.ReadBoolean();
            case ShapeType.Integer when IsInteger(state):
                var n = ReadInteger(r, state);
                return n is >= int.MinValue and <= int.MaxValue ? JsonValue.Create((int)n) : JsonValue.Create(n);
            case ShapeType.Long when IsInteger(state):
                return ReadInteger(r, state);
            case ShapeType.Float or ShapeType.Double when IsInteger(state) || IsFloat(state):
                return ReadNumber(r, state);
            case ShapeType.Timestamp when IsInteger(state) || IsFloat(state):
                return NativeValues.Timestamp(Timestamps.FromEpochSeconds(ReadNumber(r, state)));
            case ShapeType.BigInteger when state == CborReaderState.Tag:
                return JsonValue.Create(r.ReadBigInteger().ToString(System.Globalization.CultureInfo.InvariantCulture));
            case ShapeType.BigDecimal when state == CborReaderState.Tag:
                return JsonValue.Create(r.ReadDecimal());
            default:
                return ReadAny(r);
        }
    }

    /// <summary>Reads any value as plain JSON (documents; values that do not fit their shape).</summary>
    public static JsonNode? ReadAny(CborReader r)
    {
        SkipTags(r);
        var state = r.PeekState();
        switch (state)
        {
            case CborReaderState.StartMap:
                var o = new JsonObject();
                var entries = r.ReadStartMap();
                for (var i = 0; entries is null ? r.PeekState() != CborReaderState.EndMap : i < entries; i++)
                {
                    var key = r.PeekState() is CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString
                        ? r.ReadTextString()
                        : ReadAny(r)?.ToJsonString() ?? "null";
                    o[key] = ReadAny(r);
                }
                r.ReadEndMap();
                return o;
            case CborReaderState.StartArray:
                var a = new JsonArray();
                var count = r.ReadStartArray();
                for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndArray : i < count; i++)
                {
                    a.Add(ReadAny(r));
                }
                r.ReadEndArray();
                return a;
            case CborReaderState.TextString:
            case CborReaderState.StartIndefiniteLengthTextString:
                return r.ReadTextString();
            case CborReaderState.ByteString:
            case CborReaderState.StartIndefiniteLengthByteString:
                return NativeValues.Blob(r.ReadByteString());
            case CborReaderState.Boolean:
                return r.ReadBoolean();
            case var s when IsInteger(s):
                return ReadInteger(r, s);
            case var s when IsFloat(s):
                return r.ReadDouble();
            default:
                r.SkipValue();
                return null;
        }
    }

    private static void ReadStructureBody(Shape shape, CborReader r, JsonObject result)
    {
        var names = WireNames.GetValue(shape, BuildWireNames);
        var length = r.ReadStartMap();
        string? unknown = null;
        for (var i = 0; length is null ? r.PeekState() != CborReaderState.EndMap : i < length; i++)
        {
            var key = r.ReadTextString();
            if (names.TryGetValue(key, out var member) && !IsNull(r))
            {
                result[member.Key] = Read(member.Value, r);
            }
            else
            {
                if (unknown is null && key != "__type" && !IsNull(r))
                {
                    unknown = key;
                }
                r.SkipValue();
            }
        }
        r.ReadEndMap();
        if (shape.Union && result.Count == 0 && unknown is not null)
        {
            result[UnknownUnionMember] = new JsonObject { ["name"] = unknown };
        }
    }

    private static Dictionary<string, KeyValuePair<string, Shape>> BuildWireNames(Shape shape)
    {
        var map = new Dictionary<string, KeyValuePair<string, Shape>>(StringComparer.Ordinal);
        foreach (var (name, member) in shape.Members)
        {
            map.TryAdd(member.WireName, new(name, member));
        }
        return map;
    }

    private static bool IsNull(CborReader r) => r.PeekState() is CborReaderState.Null or CborReaderState.Undefined;

    private static void SkipTags(CborReader r, bool keepBigNumbers = false)
    {
        while (r.PeekState() == CborReaderState.Tag)
        {
            if (keepBigNumbers && r.PeekTag() is CborTag.UnsignedBigNum or CborTag.NegativeBigNum or CborTag.DecimalFraction)
            {
                return;
            }
            r.ReadTag();
        }
    }

    private static bool IsInteger(CborReaderState s) => s is CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger;

    private static bool IsFloat(CborReaderState s) =>
        s is CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat;

    private static long ReadInteger(CborReader r, CborReaderState state) =>
        state == CborReaderState.UnsignedInteger ? (long)Math.Min(r.ReadUInt64(), long.MaxValue) : r.ReadInt64();

    private static double ReadNumber(CborReader r, CborReaderState state) => IsInteger(state) ? ReadInteger(r, state) : r.ReadDouble();
}
