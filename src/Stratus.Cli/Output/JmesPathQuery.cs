using System.Text.Json.Nodes;
using DevLab.JmesPath;

namespace Stratus.Cli.Output;

/// <summary>
/// <c>--query</c>: a JMESPath expression applied to the (merged) result, through JmesPath.Net.
/// </summary>
/// <remarks>
/// JmesPath.Net works on Newtonsoft.Json tokens and is not trim-safe: it creates its functions with
/// <c>Activator.CreateInstance</c> and calls <c>JToken.FromObject</c>. It is contained here: data crosses as JSON
/// text (written as the JSON output writes it; dates stay text), and the project roots both assemblies whole when trimming
/// (<c>TrimmerRootAssembly</c> in the project file), which a trimmed publish was checked to need and to work with.
/// </remarks>
internal static class JmesPathQuery
{
    private static readonly Lazy<JmesPath> Engine = new(() => new JmesPath());

    /// <summary>Checks that <paramref name="expression"/> is valid JMESPath, before any call is made.</summary>
    /// <exception cref="QueryException">It is not.</exception>
    public static void Validate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            Engine.Value.Parse(expression);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new QueryException($"Bad value for --query {expression}: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>Applies <paramref name="expression"/> to plain data (see <see cref="OutputValues"/>).</summary>
    /// <exception cref="QueryException">The expression is not valid JMESPath.</exception>
    public static JsonNode? Apply(string expression, JsonNode? data)
    {
        ArgumentNullException.ThrowIfNull(expression);
        string result;
        try
        {
            // The data crosses as JSON text written as Python would write it (so 1.0 stays a float); the
            // string overload reads it without turning date-like text into dates.
            result = Engine.Value.Transform(JsonOutput.Format(data), expression);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new QueryException($"Bad value for --query {expression}: {OneLine(e.Message)}", e);
        }
        return OutputValues.Normalize(JsonNode.Parse(result));
    }

    private static string OneLine(string message) => string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
