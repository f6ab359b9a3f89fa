using System.Text.Json.Nodes;

namespace Stratus.Cli.Output;

/// <summary>
/// <c>--output table</c>, as the AWS CLI draws it: a section titled with the operation name; an object's scalars
/// as one row under sorted headers (a single scalar as a key/value row), its nested values as indented
/// sub-sections titled with their keys; a list of objects as rows under the union of their scalar keys.
/// </summary>
internal sealed class TableOutput(int terminalWidth) : IOutputFormatter
{
    /// <summary>The width tables are fitted to: the terminal's, or 80 when output is not a terminal (as in the AWS CLI).</summary>
    public static int DetectTerminalWidth()
    {
        try
        {
            return Console.IsOutputRedirected ? 80 : Math.Max(20, Console.WindowWidth);
        }
        catch (IOException)
        {
            return 80;
        }
    }

    /// <inheritdoc />
    public void Write(string operationName, JsonNode? data, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var table = new MultiTable(terminalWidth);
        if (Build(table, operationName, data, 0))
        {
            table.Render(output);
        }
    }

    private static bool Build(MultiTable table, string? title, JsonNode? current, int indent)
    {
        if (IsEmpty(current))
        {
            return false;
        }
        if (title is not null)
        {
            table.NewSection(title, indent);
        }
        if (current is JsonArray list)
        {
            if (list[0] is JsonObject)
            {
                BuildFromList(table, list, indent, title);
            }
            else
            {
                foreach (var item in list)
                {
                    if (Scalars.IsScalar(item))
                    {
                        table.AddRow([Scalars.Str(item)]);
                    }
                    else if (Children(item!).All(Scalars.IsScalar))
                    {
                        table.AddRow(Children(item!).Select(Scalars.Str).ToList());
                    }
                    else
                    {
                        Build(table, null, item, 0);
                    }
                }
            }
        }
        if (current is JsonObject obj)
        {
            BuildFromObject(table, obj, indent);
        }
        return true;
    }

    private static void BuildFromObject(MultiTable table, JsonObject current, int indent)
    {
        var (headers, more) = GroupScalarKeys(current);
        if (headers.Count == 1)
        {
            table.AddRow([headers[0], Scalars.Str(current[headers[0]])]);
        }
        else if (headers.Count > 0)
        {
            table.AddRowHeader(headers);
            table.AddRow(headers.Select(h => Scalars.Str(current[h])).ToList());
        }
        foreach (var key in more)
        {
            Build(table, key, current[key], indent + 1);
        }
    }

    private static void BuildFromList(MultiTable table, JsonArray current, int indent, string? title)
    {
        var headers = new SortedSet<string>(StringComparer.Ordinal);
        var more = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in current.OfType<JsonObject>())
        {
            var (h, m) = GroupScalarKeys(item);
            headers.UnionWith(h);
            more.UnionWith(m);
        }
        var headerList = headers.ToList();
        table.AddRowHeader(headerList);
        var first = true;
        foreach (var element in current.OfType<JsonObject>())
        {
            if (!first && more.Count > 0)
            {
                table.NewSection(title ?? "", indent);
                table.AddRowHeader(headerList);
            }
            first = false;
            table.AddRow(headerList.Select(h => element.TryGetPropertyValue(h, out var v) ? Scalars.Str(v) : "").ToList());
            foreach (var key in more)
            {
                if (element.TryGetPropertyValue(key, out var nested))
                {
                    Build(table, key, nested, indent + 1);
                }
            }
        }
    }

    private static (List<string> Headers, List<string> More) GroupScalarKeys(JsonObject current)
    {
        var headers = current.Where(p => Scalars.IsScalar(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var more = current.Where(p => !Scalars.IsScalar(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return (headers, more);
    }

    /// <summary>A list's items, or an object's keys (as the AWS CLI iterates a dict).</summary>
    private static IEnumerable<JsonNode?> Children(JsonNode node) => node switch
    {
        JsonArray a => a,
        JsonObject o => o.Select(p => (JsonNode?)JsonValue.Create(p.Key)),
        _ => [],
    };

    /// <summary>Python's falsiness: null, empty text, zero, false, an empty list or object.</summary>
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => !b,
        JsonValue v when v.TryGetValue<long>(out var l) => l == 0,
        JsonValue v when v.TryGetValue<double>(out var d) => d == 0,
        _ => false,
    };
}
