using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Protocols.Json;

namespace Stratus.Tests.Protocols;

/// <summary>
/// The one-pass reader behind json responses gives what the document-based reader gives (which the protocol
/// suites pin down): same values, same member order, same handling of repeats, nulls, unions and mismatches.
/// </summary>
public sealed class JsonStreamReaderTests
{
    private const string Shapes = """
        {"Out": {"type": "structure", "members": {
            "Items": {"shape": "ItemList"}, "Count": {"shape": "I"}, "Big": {"shape": "BigI"}, "Dec": {"shape": "BigD"},
            "When": {"shape": "T"}, "Data": {"shape": "B"}, "Ratio": {"shape": "D"}, "Flag": {"shape": "Bool"},
            "Name": {"shape": "S"}, "Long": {"shape": "L"}, "Doc": {"shape": "Doc"}, "Tags": {"shape": "Tags"},
            "Other": {"shape": "S", "locationName": "renamed"}}},
         "ItemList": {"type": "list", "member": {"shape": "Item"}},
         "Item": {"type": "map", "key": {"shape": "S"}, "value": {"shape": "AV"}},
         "AV": {"type": "structure", "union": true, "members": {
            "S": {"shape": "S"}, "N": {"shape": "S"}, "B": {"shape": "B"}, "BOOL": {"shape": "Bool"},
            "NULL": {"shape": "Bool"}, "M": {"shape": "Item"}, "L": {"shape": "AVList"}, "SS": {"shape": "Tags"}}},
         "AVList": {"type": "list", "member": {"shape": "AV"}},
         "Tags": {"type": "list", "member": {"shape": "S"}},
         "Doc": {"type": "structure", "document": true, "members": {}},
         "S": {"type": "string"}, "I": {"type": "integer"}, "L": {"type": "long"}, "D": {"type": "double"},
         "BigI": {"type": "bigInteger"}, "BigD": {"type": "bigDecimal"}, "T": {"type": "timestamp"},
         "B": {"type": "blob"}, "Bool": {"type": "boolean"}}
        """;

    private static readonly Stratus.Models.OperationModel Op = ModelBuilder.Operation(
        """{"protocol": "json", "jsonVersion": "1.0", "targetPrefix": "X"}""", Shapes,
        """{"http": {"method": "POST", "requestUri": "/"}, "output": {"shape": "Out"}}""");

    // NaN and the infinities are values here; written as their names so the two results can be compared as text.
    private static readonly JsonSerializerOptions Written = new(JsonSerializerOptions.Default)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static TheoryData<string> Bodies => new()
    {
        """{"Items": [{"id": {"S": "a"}, "n": {"N": "1.5"}, "b": {"B": "AQID"}, "t": {"BOOL": true}, "z": {"NULL": true}, "m": {"M": {"x": {"L": [{"S": "y"}, {"SS": ["p", "q"]}, null]}}}}], "Count": 1}""",
        """{"Name": "first", "Name": "second", "Count": 3, "Count": null, "Ratio": 2}""",
        """{"Items": [{"u": {"__type": "x", "Unknown": {"deep": [1]}}, "v": {"S": null, "NEW": 1}, "w": {}, "k": {"__type": "only"}}]}""",
        """{"Big": 123456789012345678901234567890, "Dec": 1.000000000000000000001, "Long": 9007199254740993, "Count": 4000000000}""",
        """{"When": 1500000000.25, "Data": "not base64!", "Ratio": "NaN", "Flag": "yes", "Name": 5, "Count": 1.5}""",
        """{"When": "2017-07-14T02:40:00.25Z", "Data": "AQID", "Ratio": "-Infinity", "Flag": false, "Long": -1}""",
        """{"Doc": {"a": [1, 2.5, "s", true, null, {"b": {}}], "a": 2}, "Tags": ["x", null, "y"], "renamed": "r", "Other": "o"}""",
        """{"N\u0061me": "escaped", "Items": [{"k\u00e9y": {"S": "caf\u00e9"}, "k": {"S": "1"}, "k": {"S": "2"}, "k": null}]}""",
        """  {"unknown": {"nested": [1, {"x": null}]}, "Items": null, "Tags": [] }  """,
        """[1, 2]""",
        "{\"Items\": [{" + string.Join(", ", Enumerable.Range(0, 80).Select(i => $"\"k{i % 70}\": " + (i % 9 == 0 ? "null" : $"{{\"N\": \"{i}\"}}"))) + "}]}",
        "{\"Items\": [{" + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"\"k{i % 33}\": {{\"M\": {{\"x\": {{\"S\": \"{i}\"}}}}}}")) + "}]}",
        "   ",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void GivesWhatTheDocumentReaderGives(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var streamed = new JsonObject();
        JsonStreamReader.ReadMembers(Op.Output!.MemberArray, bytes, streamed);

        var expected = new JsonObject();
        using (var doc = JsonBodyReader.ParseDocument(bytes))
        {
            if (doc is not null)
            {
                JsonBodyReader.ReadMembers(Op.Output!.MemberArray, doc.RootElement, expected);
            }
        }
        Assert.Equal(expected.ToJsonString(Written), streamed.ToJsonString(Written));
    }

    [Fact]
    public void KeepsModelOrderLastRepeatsAndUnknownUnionMembers()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"Count": 2, "Name": "a", "Name": "b", "Items": [{"u": {"__type": "x", "Novel": 1}}]}""");

        var result = ProtocolRegistry.For(Op.Service).ParseResponse(Op, new RawResponse(200, new Dictionary<string, string>(), bytes));

        Assert.Equal(["Items", "Count", "Name"], result.Select(p => p.Key).Where(k => k != "ResponseMetadata"));
        Assert.Equal("b", result["Name"]!.GetValue<string>());
        Assert.Equal("Novel", result["Items"]![0]!["u"]![JsonBodyReader.UnknownUnionMember]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void RepeatedShortNamesAndValuesShareOneString()
    {
        var longText = new string('x', 40);
        var bytes = Encoding.UTF8.GetBytes(
            "{\"Items\": [{\"Artist\": {\"S\": \"Miles\"}, \"Long\": {\"S\": \"" + longText + "\"}}, {\"Artist\": {\"S\": \"Miles\"}, \"Long\": {\"S\": \"" + longText + "\"}}]}");

        var result = new JsonObject();
        JsonStreamReader.ReadMembers(Op.Output!.MemberArray, bytes, result);

        var (first, second) = (result["Items"]![0]!.AsObject(), result["Items"]![1]!.AsObject());
        var firstValue = first["Artist"]!["S"]!.GetValue<string>();
        Assert.Equal("Miles", firstValue);
        Assert.Same(firstValue, second["Artist"]!["S"]!.GetValue<string>());
        Assert.Same(first.First().Key, second.First().Key);
        Assert.Equal(longText, second["Long"]!["S"]!.GetValue<string>());
        Assert.NotSame(first["Long"]!["S"]!.GetValue<string>(), second["Long"]!["S"]!.GetValue<string>());
    }

    [Fact]
    public void InvalidUtf8FailsAsWithTheDocumentReader()
    {
        byte[] bytes = [.. "{\"Name\": \"ab"u8, 0xC3, 0x28, .. "\"}"u8];

        var expected = Record.Exception(() =>
        {
            using var doc = JsonBodyReader.ParseDocument(bytes)!;
            JsonBodyReader.ReadMembers(Op.Output!.MemberArray, doc.RootElement, new JsonObject());
        });
        var actual = Record.Exception(() => JsonStreamReader.ReadMembers(Op.Output!.MemberArray, bytes, new JsonObject()));

        Assert.NotNull(expected);
        Assert.IsType(expected.GetType(), actual);
    }

    [Theory]
    [InlineData("""{"Name": "a"} x""")]
    [InlineData("""{"Name": "a",}""")]
    [InlineData("""{"Items": [{"k": {"S": "a"}]}""")]
    public void RejectsWhatTheDocumentRejects(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes).Dispose());
        Assert.ThrowsAny<JsonException>(() => JsonStreamReader.ReadMembers(Op.Output!.MemberArray, bytes, new JsonObject()));
    }
}
