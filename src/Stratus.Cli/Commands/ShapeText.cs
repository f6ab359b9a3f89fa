using System.Text;
using Stratus.Models;

namespace Stratus.Cli.Commands;

/// <summary>How help shows shapes: type names and the AWS CLI's shorthand syntax examples.</summary>
internal static class ShapeText
{
    private const int MaxDepth = 3;

    /// <summary>A shape's type, for example <c>string</c>, <c>list of string</c>, <c>structure</c>, <c>map of string to integer</c>.</summary>
    public static string TypeName(Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Type switch
        {
            ShapeType.List => $"list of {TypeName(shape.Member)}",
            ShapeType.Map => $"map of {TypeName(shape.Key)} to {TypeName(shape.Value)}",
            ShapeType.Blob when shape.Streaming => "streaming blob",
            _ => Scalar(shape.Type),
        };
    }

    /// <summary>
    /// The shorthand syntax of a structure, map or list of them, as the AWS CLI's help shows it
    /// (<c>Name=string,Values=string,string ...</c>); null when the shape takes no shorthand or is too deep.
    /// </summary>
    public static string? Shorthand(Shape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var complex = shape.Type is ShapeType.Structure or ShapeType.Map
            || (shape.Type == ShapeType.List && shape.Member.Type is ShapeType.Structure or ShapeType.Map or ShapeType.List);
        if (!complex || shape.Type == ShapeType.Document)
        {
            return null;
        }
        if (shape.Type == ShapeType.Structure && shape.Members.Count == 1 && shape.Members.TryGetValue("Value", out var only) && only.Type == ShapeType.String)
        {
            return null;
        }
        var stack = new List<string>();
        try
        {
            return shape.Type == ShapeType.List ? Docs(shape.Member, stack) + " ..." : Docs(shape, stack);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Docs(Shape shape, List<string> stack)
    {
        if (stack.Count > MaxDepth)
        {
            throw new InvalidOperationException("too deep");
        }
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var parts = new List<string>();
                foreach (var (name, member) in shape.Members)
                {
                    if (member.Type == ShapeType.Document)
                    {
                        continue;
                    }
                    if (stack.Contains(member.Name))
                    {
                        parts.Add($"{name}=( ... recursive ... )");
                        continue;
                    }
                    stack.Add(member.Name);
                    try
                    {
                        parts.Add($"{name}={Docs(member, stack)}");
                    }
                    finally
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }
                }
                var inner = string.Join(',', parts);
                return stack.Count == 0 ? inner : "{" + inner + "}";
            case ShapeType.List:
                stack.Add(shape.Member.Name);
                string element;
                try
                {
                    element = Docs(shape.Member, stack);
                }
                finally
                {
                    stack.RemoveAt(stack.Count - 1);
                }
                return shape.Member.Type is ShapeType.Structure or ShapeType.List or ShapeType.Map || stack.Count > 1
                    ? $"[{element},{element}]"
                    : $"{element},{element}";
            case ShapeType.Map:
                var value = Docs(shape.Value, stack);
                var map = $"KeyName1={value},KeyName2={value}";
                return stack.Count == 0 ? map : "{" + map + "}";
            default:
                return Scalar(shape.Type);
        }
    }

    /// <summary>The model's name for a scalar type.</summary>
    public static string Scalar(ShapeType type) => type switch
    {
        ShapeType.BigInteger => "bigInteger",
        ShapeType.BigDecimal => "bigDecimal",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Wraps <paramref name="text"/> to <paramref name="width"/> columns, each line prefixed by <paramref name="indent"/>.</summary>
    public static string Wrap(string text, int indent, int width = 79)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent + line.Length + 1 + word.Length > width)
            {
                sb.Append(' ', indent).Append(line).Append('\n');
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > 0)
        {
            sb.Append(' ', indent).Append(line).Append('\n');
        }
        return sb.ToString();
    }
}
