using System.Text.Json.Nodes;
using Stratus.Cli.Output;

namespace Stratus.Cli.Tests;

/// <summary>
/// json, yaml, table and text output against the AWS CLI's own formatters (Golden/generate.py ran them on the
/// same data): byte for byte.
/// </summary>
public sealed class OutputFormatTests
{
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var input in Directory.GetFiles(Golden, "*.input.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(input)[..^".input.json".Length];
            foreach (var format in new[] { "json", "yaml", "table", "text" })
            {
                if (File.Exists(Path.Combine(Golden, $"{name}.{format}")))
                {
                    data.Add(name, format);
                }
            }
        }
        return data;
    }

    private static string Golden => Path.Combine(AppContext.BaseDirectory, "Golden");

    [Theory]
    [MemberData(nameof(Samples))]
    public void MatchesTheAwsCli(string sample, string format)
    {
        var input = JsonNode.Parse(File.ReadAllText(Path.Combine(Golden, sample + ".input.json")))!;
        var expected = File.ReadAllText(Path.Combine(Golden, $"{sample}.{format}"));
        var formatter = format == "table" ? new TableOutput(80) : OutputFormats.Create(format);
        var output = new StringWriter { NewLine = "\n" };
        formatter.Write(input["operation"]!.GetValue<string>(), OutputValues.Normalize(input["data"]), output);
        Assert.Equal(expected, output.ToString());
    }

    [Fact]
    public void EmptyResultsPrintNothing()
    {
        foreach (var format in new[] { "json", "yaml", "table", "text" })
        {
            var output = new StringWriter();
            OutputFormats.Create(format).Write("DeleteKeyPair", new JsonObject(), output);
            Assert.Equal("", output.ToString());
        }
    }

    [Fact]
    public void TopLevelScalarsAndListsFromQueries()
    {
        Assert.Equal("\"x\"\n", Write("json", JsonValue.Create("x")));
        Assert.Equal("\"x\"\n", Write("yaml", JsonValue.Create("x")));
        Assert.Equal("x\n", Write("text", JsonValue.Create("x")));
        Assert.Equal("null\n", Write("json", null));
        Assert.Equal("None\n", Write("text", null));
        Assert.Equal("a\tb\n", Write("text", new JsonArray("a", "b")));
        Assert.Equal("- a\n- b\n", Write("yaml", new JsonArray("a", "b")));
        Assert.Equal("[\n    \"a\",\n    \"b\"\n]\n", Write("json", new JsonArray("a", "b")));
    }

    [Fact]
    public void NativeValuesPrintAsTheAwsCliShowsThem()
    {
        var result = new JsonObject
        {
            ["When"] = Protocols.NativeValues.Timestamp(new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.Zero)),
            ["Precise"] = Protocols.NativeValues.Timestamp(new DateTimeOffset(2024, 1, 31, 12, 0, 0, 250, TimeSpan.Zero)),
            ["Bytes"] = Protocols.NativeValues.Blob([1, 2, 3]),
            ["Body"] = Protocols.NativeValues.Stream(new MemoryStream()),
            ["Ratio"] = 0.5f,
            ["Count"] = 3,
            ["ResponseMetadata"] = new JsonObject { ["RequestId"] = "r" },
        };
        var plain = OutputValues.WithoutMetadata(result);
        Assert.Equal(
            "{\n    \"When\": \"2024-01-31T12:00:00+00:00\",\n    \"Precise\": \"2024-01-31T12:00:00.250000+00:00\",\n    \"Bytes\": \"AQID\",\n    \"Ratio\": 0.5,\n    \"Count\": 3\n}",
            JsonOutput.Format(plain));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(123.25, "123.25")]
    [InlineData(-2.5e-07, "-2.5e-07")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(0.0, "0.0")]
    public void FloatsAsPythonWritesThem(double value, string expected) => Assert.Equal(expected, Scalars.FloatRepr(value));

    private static string Write(string format, JsonNode? data)
    {
        var output = new StringWriter();
        OutputFormats.Create(format).Write("Op", data, output);
        return output.ToString();
    }
}
