using System.Text;
using System.Text.Json;

namespace Stratus.Bench.Payloads;

/// <summary>DynamoDB responses as DynamoDB renders them (JSON 1.0).</summary>
public static class DynamoDbPayloads
{
    /// <summary>A Query result with <paramref name="items"/> items of eight attributes each (strings, numbers, a bool, a list, a map).</summary>
    public static byte[] Query(int items)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("Count", items);
            w.WriteStartArray("Items");
            for (var i = 0; i < items; i++)
            {
                w.WriteStartObject();
                Attr(w, "Artist", "S", "Miles Davis");
                Attr(w, "Song", "S", $"Track {i:D4}: So What (take {i % 5})");
                Attr(w, "Album", "S", "Kind of Blue");
                Attr(w, "Year", "N", (1959 + i % 40).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Attr(w, "Plays", "N", (1000L + i * 7919L).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStartObject("Explicit");
                w.WriteBoolean("BOOL", i % 3 == 0);
                w.WriteEndObject();
                w.WriteStartObject("Genres");
                w.WriteStartArray("SS");
                w.WriteStringValue("jazz");
                w.WriteStringValue("modal");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("Meta");
                w.WriteStartObject("M");
                Attr(w, "Label", "S", "Columbia");
                Attr(w, "Duration", "N", (300 + i % 200).ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("ScannedCount", items);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The CRC32 DynamoDB sends in <c>x-amz-crc32</c> (decimal).</summary>
    public static string Crc32(byte[] body) =>
        System.IO.Hashing.Crc32.HashToUInt32(body).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The request body of the Query the clients send.</summary>
    public static string QueryRequestJson =>
        "{\"TableName\":\"" + Fixture.Table + "\",\"KeyConditionExpression\":\"Artist = :a\",\"ExpressionAttributeValues\":{\":a\":{\"S\":\"Miles Davis\"}}}";

    private static void Attr(Utf8JsonWriter w, string name, string type, string value)
    {
        w.WriteStartObject(name);
        w.WriteString(type, value);
        w.WriteEndObject();
    }

    /// <summary>UTF-8 text, for tests and logs.</summary>
    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
