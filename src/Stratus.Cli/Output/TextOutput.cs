using System.Text.Json.Nodes;

namespace Stratus.Cli.Output;

/// <summary>
/// <c>--output text</c>, as the AWS CLI writes it: tab-separated scalars, one line per object. An object's scalar
/// values come first (keys sorted; inside a list, the scalar keys of all the list's objects, blank where missing),
/// prefixed by the upper-cased key the object was under; then its nested objects and lists, each under its key.
/// A list of scalars is one line (or one <c>KEY\tvalue</c> line per item under a key).
/// </summary>
internal sealed class TextOutput : IOutputFormatter
{
    /// <inheritdoc />
    public void Write(string operationName, JsonNode? data, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Format(data, output, null, null);
    }

    private static void Format(JsonNode? item, TextWriter output, string? identifier, IReadOnlyList<string>? scalarKeys)
    {
        switch (item)
        {
            case JsonObject obj:
                FormatObject(obj, output, identifier, scalarKeys);
                break;
            case JsonArray list:
                FormatList(list, output, identifier);
                break;
            default:
                output.Write(Scalars.Str(item));
                output.Write('\n');
                break;
        }
    }

    private static void FormatList(JsonArray list, TextWriter output, string? identifier)
    {
        if (list.Count == 0)
        {
            return;
        }
        if (list.Any(e => e is JsonObject))
        {
            var keys = list.OfType<JsonObject>()
                .SelectMany(o => o.Where(p => Scalars.IsScalar(p.Value)).Select(p => p.Key))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var element in list)
            {
                Format(element, output, identifier, keys);
            }
        }
        else if (list.Any(e => e is JsonArray))
        {
            var scalars = list.Where(Scalars.IsScalar).ToList();
            if (scalars.Count > 0)
            {
                FormatScalars(scalars, output, identifier);
            }
            foreach (var nested in list.Where(e => !Scalars.IsScalar(e)))
            {
                Format(nested, output, identifier, null);
            }
        }
        else
        {
            FormatScalars(list.ToList(), output, identifier);
        }
    }

    private static void FormatScalars(IReadOnlyList<JsonNode?> items, TextWriter output, string? identifier)
    {
        if (identifier is not null)
        {
            foreach (var item in items)
            {
                output.Write($"{identifier.ToUpperInvariant()}\t{Scalars.Str(item)}\n");
            }
            return;
        }
        output.Write(string.Join('\t', items.Select(Scalars.Str)));
        output.Write('\n');
    }

    private static void FormatObject(JsonObject obj, TextWriter output, string? identifier, IReadOnlyList<string>? scalarKeys)
    {
        var scalars = new List<string>();
        var nested = new List<(string Key, JsonNode? Value)>();
        if (scalarKeys is null)
        {
            foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Scalars.IsScalar(value))
                {
                    scalars.Add(Scalars.Str(value));
                }
                else
                {
                    nested.Add((key, value));
                }
            }
        }
        else
        {
            foreach (var key in scalarKeys)
            {
                scalars.Add(obj.TryGetPropertyValue(key, out var value) ? Scalars.Str(value) : "");
            }
            foreach (var (key, value) in obj.Where(p => !scalarKeys.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                nested.Add((key, value));
            }
        }
        if (scalars.Count > 0)
        {
            if (identifier is not null)
            {
                scalars.Insert(0, identifier.ToUpperInvariant());
            }
            output.Write(string.Join('\t', scalars));
            output.Write('\n');
        }
        foreach (var (key, value) in nested)
        {
            Format(value, output, key, null);
        }
    }
}
