using System.Text.Json;

namespace Stratus.Bench.Floor;

/// <summary>Parses a DynamoDB Query result with a Utf8JsonReader into attribute maps.</summary>
public static class DynamoDbParser
{
    public static List<Dictionary<string, DdbValue>> ParseItems(ReadOnlySpan<byte> json, out int count)
    {
        var items = new List<Dictionary<string, DdbValue>>();
        count = 0;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Items"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    items.Add(ReadItem(ref reader));
                }
            }
            else if (reader.ValueTextEquals("Count"u8))
            {
                reader.Read();
                count = reader.GetInt32();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return items;
    }

    // At StartObject of an item (or map): name → value until EndObject.
    private static Dictionary<string, DdbValue> ReadItem(ref Utf8JsonReader reader)
    {
        var item = new Dictionary<string, DdbValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            item[name] = ReadValue(ref reader);
        }
        return item;
    }

    // At StartObject of {"T": value}.
    private static DdbValue ReadValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var type = reader.GetString()!;
        reader.Read();
        DdbValue value;
        switch (type)
        {
            case "S" or "N" or "B":
                value = new DdbValue { Type = type, Scalar = reader.GetString() };
                break;
            case "BOOL":
                value = new DdbValue { Type = type, Bool = reader.GetBoolean() };
                break;
            case "NULL":
                value = new DdbValue { Type = type };
                break;
            case "SS" or "NS" or "BS":
                var set = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    set.Add(reader.GetString()!);
                }
                value = new DdbValue { Type = type, Set = set };
                break;
            case "L":
                var list = new List<DdbValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }
                value = new DdbValue { Type = type, List = list };
                break;
            case "M":
                value = new DdbValue { Type = type, Map = ReadItem(ref reader) };
                break;
            default:
                reader.Skip();
                value = new DdbValue { Type = type };
                break;
        }
        reader.Read(); // EndObject of {"T": value}
        return value;
    }
}
