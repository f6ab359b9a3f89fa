using System.Collections.Generic;
using Stratus.Generators.Model;

namespace Stratus.Generators.Emit;

/// <summary>
/// How each model type looks in C#, and the expressions that read it from native data and write it back.
/// structure → a record; list → <c>IReadOnlyList&lt;T&gt;</c>; map → <c>IReadOnlyDictionary&lt;string, T&gt;</c>;
/// string with known values → a string-backed record struct; timestamp → <c>DateTimeOffset</c>; blob →
/// <c>byte[]</c>, or <c>Stream</c> when streaming; documents, event streams and big numbers → <c>JsonNode</c>.
/// </summary>
internal sealed class TypeMap
{
    private const string H = Helpers.TypeName;
    private const string Node = "global::System.Text.Json.Nodes.JsonNode";
    private const string Value = "global::System.Text.Json.Nodes.JsonValue";
    private const string Native = "global::Stratus.Protocols.NativeValues";

    private readonly ServiceDef _model;
    private readonly IReadOnlyDictionary<string, string> _typeNames;

    public TypeMap(ServiceDef model, IReadOnlyDictionary<string, string> typeNames)
    {
        _model = model;
        _typeNames = typeNames;
    }

    /// <summary>The C# type of a shape (never nullable-annotated) and whether it is a value type.</summary>
    public (string Type, bool IsValue) TypeOf(string shapeName, bool streaming = false)
    {
        var shape = _model.Shape(shapeName);
        switch (shape?.Type)
        {
            case "structure" when !shape.EventStream && !shape.Document && _typeNames.TryGetValue(shapeName, out var name):
                return (name, false);
            case "list" when shape.ListMember is { } item:
                return ($"global::System.Collections.Generic.IReadOnlyList<{TypeOf(item).Type}>", false);
            case "map" when shape.MapValue is { } value:
                return ($"global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeOf(value).Type}>", false);
            case "string" when shape.Enum is not null && _typeNames.TryGetValue(shapeName, out var e):
                return (e, true);
            case "string":
                return ("string", false);
            case "integer":
                return ("int", true);
            case "long":
                return ("long", true);
            case "float":
                return ("float", true);
            case "double":
                return ("double", true);
            case "boolean":
                return ("bool", true);
            case "timestamp":
                return ("global::System.DateTimeOffset", true);
            case "blob":
                return streaming || shape.Streaming ? ("global::System.IO.Stream", false) : ("byte[]", false);
            default:
                return (Node, false);
        }
    }

    /// <summary>An expression of the nullable type that reads <paramref name="node"/> (a <c>JsonNode?</c> expression).</summary>
    public string Read(string shapeName, string node, int depth, bool streaming = false)
    {
        var shape = _model.Shape(shapeName);
        var n = "n" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (shape?.Type)
        {
            case "structure" when !shape.EventStream && !shape.Document && _typeNames.TryGetValue(shapeName, out var name):
                return $"{name}.Read({node})";
            case "list" when shape.ListMember is { } item:
            {
                var (type, isValue) = TypeOf(item);
                return $"{H}.{(isValue ? "ListVal" : "ListRef")}<{type}>({node}, static {n} => {Read(item, n, depth + 1)})";
            }
            case "map" when shape.MapValue is { } value:
            {
                var (type, isValue) = TypeOf(value);
                return $"{H}.{(isValue ? "MapVal" : "MapRef")}<{type}>({node}, static {n} => {Read(value, n, depth + 1)})";
            }
            case "string" when shape.Enum is not null && _typeNames.TryGetValue(shapeName, out var e):
                return $"{e}.Read({node})";
            case "string":
                return $"{H}.Str({node})";
            case "integer":
                return $"{H}.Int32({node})";
            case "long":
                return $"{H}.Int64({node})";
            case "float":
                return $"{H}.Single({node})";
            case "double":
                return $"{H}.Double({node})";
            case "boolean":
                return $"{H}.Bool({node})";
            case "timestamp":
                return $"{H}.Time({node})";
            case "blob":
                return streaming || shape.Streaming ? $"{H}.Stream({node})" : $"{H}.Bytes({node})";
            default:
                return $"{H}.Node({node})";
        }
    }

    /// <summary>An expression of type <c>JsonNode?</c> that writes <paramref name="value"/> (a non-null expression of the shape's type).</summary>
    public string Write(string shapeName, string value, int depth, bool streaming = false)
    {
        var shape = _model.Shape(shapeName);
        var n = "n" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (shape?.Type)
        {
            case "structure" when !shape.EventStream && !shape.Document && _typeNames.ContainsKey(shapeName):
                return $"{value}.ToNative()";
            case "list" when shape.ListMember is { } item:
                return $"{H}.WriteList<{TypeOf(item).Type}>({value}, static {n} => {Write(item, n, depth + 1)})";
            case "map" when shape.MapValue is { } v:
                return $"{H}.WriteMap<{TypeOf(v).Type}>({value}, static {n} => {Write(v, n, depth + 1)})";
            case "string" when shape.Enum is not null && _typeNames.ContainsKey(shapeName):
                return $"{H}.Enum({value}.Value)";
            case "string":
            case "integer":
            case "long":
            case "float":
            case "double":
            case "boolean":
                return $"{Value}.Create({value})";
            case "timestamp":
                return $"{Native}.Timestamp({value})";
            case "blob":
                return streaming || shape.Streaming ? $"{Native}.Stream({value})" : $"{Native}.Blob({value})";
            default:
                return $"{value}.DeepClone()";
        }
    }
}
