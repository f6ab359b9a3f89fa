using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Cli.Input;

/// <summary>
/// Turns the command-line tokens of one member option into the member's value, by its shape, as the AWS CLI does:
/// <list type="bullet">
/// <item>scalars from their text (<c>file://</c> and <c>fileb://</c> read files);</item>
/// <item>lists of scalars from space-separated tokens (<c>--key-names a b</c>) or a JSON list;</item>
/// <item>structures, maps and lists of them from shorthand (<c>Key=a,Value=b</c>), or JSON when the text starts
/// with <c>{</c> or <c>[</c>; a list of structures takes one shorthand or JSON value per token;</item>
/// <item>a streaming blob (an upload body) from the path of a file;</item>
/// <item>documents and JSON-valued headers from JSON.</item>
/// </list>
/// </summary>
internal sealed class MemberValueParser(BinaryFormat binaryFormat)
{
    /// <summary>The value of <paramref name="shape"/> given by <paramref name="tokens"/> for option <paramref name="cliName"/>.</summary>
    /// <exception cref="ParamException">The tokens are not a valid value of the shape.</exception>
    public JsonNode? Parse(Shape shape, IReadOnlyList<string> tokens, string cliName)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ParamException(cliName, "expected a value");
        }
        if (shape.Type == ShapeType.Blob && shape.Streaming)
        {
            return StreamingBody(tokens[0], cliName);
        }
        if (tokens.Count == 1)
        {
            var single = ParamFile.Resolve(tokens[0], cliName);
            if (single.IsBinary)
            {
                return shape.Type == ShapeType.Blob ? NativeValues.Blob(single.Bytes!) : ParseText(shape, [Utf8(single.Bytes!, cliName)], cliName);
            }
            return ParseText(shape, [single.Text], cliName);
        }
        return ParseText(shape, tokens, cliName);
    }

    private JsonNode? ParseText(Shape shape, IReadOnlyList<string> tokens, string cliName)
    {
        var plain = new ShapeCoercer(cliName, binaryFormat, fromShorthand: false);
        if (shape.Type == ShapeType.Document || (shape.JsonValue && shape.Type == ShapeType.String && shape.Location == "header"))
        {
            return shape.Type == ShapeType.Document ? Json(tokens[0], cliName) : JsonValue.Create(tokens[0]);
        }
        switch (shape.Type)
        {
            case ShapeType.List:
                if (tokens.Count == 1 && LooksLike(tokens[0], '['))
                {
                    return plain.Coerce(shape, Json(tokens[0], cliName), "");
                }
                var list = new JsonArray();
                foreach (var token in tokens)
                {
                    list.Add(IsComplex(shape.Member) ? Complex(shape.Member, token, cliName) : plain.Scalar(shape.Member, token, ""));
                }
                return list;
            case ShapeType.Structure or ShapeType.Map:
                return Complex(shape, tokens[0], cliName);
            default:
                return plain.Scalar(shape, tokens[0], "");
        }
    }

    /// <summary>A structure or map (or a list element of one): JSON when it looks like JSON, shorthand otherwise.</summary>
    private JsonNode? Complex(Shape shape, string text, string cliName)
    {
        if (LooksLike(text, '{') || LooksLike(text, '['))
        {
            return new ShapeCoercer(cliName, binaryFormat, fromShorthand: false).Coerce(shape, Json(text, cliName), "");
        }
        if (shape.Type == ShapeType.List)
        {
            // A list nested in a list, given as shorthand: not something the AWS CLI reads either.
            throw new ParamException(cliName, $"Invalid JSON: {text}");
        }
        // A structure whose only member is a string "Value" takes the bare value (--foo bar means {"Value": "bar"}).
        if (shape.Type == ShapeType.Structure && shape.Members.Count == 1 && shape.Members.TryGetValue("Value", out var only)
            && only.Type == ShapeType.String && !text.Contains('=', StringComparison.Ordinal))
        {
            return new JsonObject { ["Value"] = text };
        }
        JsonObject parsed;
        try
        {
            parsed = ShorthandParser.Parse(text);
        }
        catch (ShorthandException e)
        {
            throw new ParamException(cliName, e.Message, e);
        }
        return new ShapeCoercer(cliName, binaryFormat, fromShorthand: true).Coerce(shape, parsed, "");
    }

    private static JsonValue StreamingBody(string token, string cliName)
    {
        var path = ParamFile.ExpandPath(token.StartsWith("fileb://", StringComparison.Ordinal) ? token[8..] : token.StartsWith("file://", StringComparison.Ordinal) ? token[7..] : token);
        if (!File.Exists(path))
        {
            throw new ParamException(cliName, $"Blob values must be a path to a file ({path} does not exist).");
        }
        return NativeValues.Stream(File.OpenRead(path));
    }

    private static JsonNode? Json(string text, string cliName)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ParamException(cliName, $"Invalid JSON: {e.Message} JSON received: {text}", e);
        }
    }

    private static string Utf8(byte[] bytes, string cliName)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ParamException(cliName, "fileb:// gives raw bytes, but this parameter is not a blob and the file is not UTF-8 text.", e);
        }
    }

    private static bool IsComplex(Shape shape) => shape.Type is ShapeType.Structure or ShapeType.List or ShapeType.Map;

    private static bool LooksLike(string text, char first)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] == first;
    }
}
