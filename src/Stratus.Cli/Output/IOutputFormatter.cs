using System.Text.Json.Nodes;

namespace Stratus.Cli.Output;

/// <summary>Prints a result (plain data, already filtered by <c>--query</c>) in one output format.</summary>
internal interface IOutputFormatter
{
    /// <summary>Writes <paramref name="data"/>; <paramref name="operationName"/> (for example <c>DescribeKeyPairs</c>) titles a table.</summary>
    void Write(string operationName, JsonNode? data, TextWriter output);
}
