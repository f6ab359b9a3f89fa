using System.Formats.Cbor;
using System.Text.Json.Nodes;
using Stratus.Protocols;

namespace Stratus.Conformance;

/// <summary>Decodes CBOR into the suites' JSON conventions (byte strings as text, tag 1 timestamps as epoch seconds).</summary>
internal static class CborJson
{
    public static JsonNode? Decode(byte[] data)
    {
        var reader = new CborReader(data, CborConformanceMode.Lax);
        return Read(reader);
    }

    private static JsonNode? Read(CborReader r)
    {
        switch (r.PeekState())
        {
            case CborReaderState.StartMap:
                var len = r.ReadStartMap();
                var o = new JsonObject();
                while (r.PeekState() != CborReaderState.EndMap)
                {
                    var key = r.ReadTextString();
                    o[key] = Read(r);
                }
                r.ReadEndMap();
                return o;
            case CborReaderState.StartArray:
                r.ReadStartArray();
                var a = new JsonArray();
                while (r.PeekState() != CborReaderState.EndArray)
                {
                    a.Add(Read(r));
                }
                r.ReadEndArray();
                return a;
            case CborReaderState.TextString:
            case CborReaderState.StartIndefiniteLengthTextString:
                return r.ReadTextString();
            case CborReaderState.ByteString:
            case CborReaderState.StartIndefiniteLengthByteString:
                return System.Text.Encoding.UTF8.GetString(r.ReadByteString());
            case CborReaderState.UnsignedInteger:
            case CborReaderState.NegativeInteger:
                return r.ReadInt64();
            case CborReaderState.HalfPrecisionFloat:
            case CborReaderState.SinglePrecisionFloat:
            case CborReaderState.DoublePrecisionFloat:
                var d = r.ReadDouble();
                return double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(NativeValues.FormatDouble(d));
            case CborReaderState.Boolean:
                return r.ReadBoolean();
            case CborReaderState.Null:
                r.ReadNull();
                return null;
            case CborReaderState.Tag:
                r.ReadTag();
                return Read(r);
            default:
                r.SkipValue();
                return null;
        }
    }
}
