using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Cli.Output;

/// <summary>
/// <c>--output json</c>: the AWS CLI's JSON, byte for byte where it can be: four-space indents, keys in response
/// order, non-ASCII text as it is, Python's escapes and float forms. An empty result prints nothing.
/// </summary>
internal sealed class JsonOutput : IOutputFormatter
{
    /// <inheritdoc />
    public void Write(string operationName, JsonNode? data, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (data is JsonObject { Count: 0 })
        {
            return;
        }
        output.Write(Format(data));
        output.Write('\n');
    }

    /// <summary>A value as indented JSON (no trailing newline).</summary>
    public static string Format(JsonNode? data)
    {
        var sb = new StringBuilder();
        Append(sb, data, 0);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, JsonNode? node, int indent)
    {
        switch (node)
        {
            case JsonObject { Count: 0 }:
                sb.Append("{}");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    sb.Append(first ? "\n" : ",\n").Append(' ', indent + 4);
                    first = false;
                    Scalars.AppendJsonString(sb, key);
                    sb.Append(": ");
                    Append(sb, value, indent + 4);
                }
                sb.Append('\n').Append(' ', indent).Append('}');
                break;
            case JsonArray { Count: 0 }:
                sb.Append("[]");
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(i == 0 ? "\n" : ",\n").Append(' ', indent + 4);
                    Append(sb, array[i], indent + 4);
                }
                sb.Append('\n').Append(' ', indent).Append(']');
                break;
            default:
                sb.Append(Scalars.JsonLiteral(node));
                break;
        }
    }
}
