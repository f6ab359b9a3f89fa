using System.Runtime.CompilerServices;

namespace Stratus.Endpoints.Rules;

/// <summary>
/// A template string such as <c>https://{Region}.{PartitionResult#dnsSuffix}</c>, parsed once into literal
/// pieces and placeholder expressions. <c>{{</c> and <c>}}</c> stand for literal braces.
/// </summary>
internal sealed class TemplateExpr : Expr
{
    private readonly string[] _literals;
    private readonly Expr?[] _values;

    private TemplateExpr(string[] literals, Expr?[] values)
    {
        _literals = literals;
        _values = values;
    }

    /// <summary>Compiles a template; a string without placeholders becomes a <see cref="LiteralExpr"/>.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="resolve">Resolves a placeholder's variable name to its expression.</param>
    /// <exception cref="InvalidDataException">Unbalanced braces or an unknown variable.</exception>
    public static Expr Compile(string template, Func<string, Expr> resolve)
    {
        if (template.AsSpan().IndexOfAny('{', '}') < 0)
        {
            return new LiteralExpr(template);
        }
        var literals = new List<string>();
        var values = new List<Expr?>();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
                continue;
            }
            if (c == '}')
            {
                throw new InvalidDataException($"Unbalanced '}}' in template '{template}'.");
            }
            if (c != '{')
            {
                text.Append(c);
                continue;
            }
            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new InvalidDataException($"Unbalanced '{{' in template '{template}'.");
            }
            if (text.Length > 0)
            {
                literals.Add(text.ToString());
                values.Add(null);
                text.Clear();
            }
            var reference = template[(i + 1)..close];
            var hash = reference.IndexOf('#', StringComparison.Ordinal);
            values.Add(hash < 0 ? resolve(reference) : new GetAttrExpr(resolve(reference[..hash]), AttrPath.Parse(reference[(hash + 1)..])));
            literals.Add("");
            i = close;
        }
        if (text.Length > 0)
        {
            literals.Add(text.ToString());
            values.Add(null);
        }
        return values.Count == 1 && values[0] is null ? new LiteralExpr(literals[0]) : new TemplateExpr([.. literals], [.. values]);
    }

    public override object? Evaluate(object?[] scope)
    {
        var builder = new DefaultInterpolatedStringHandler(0, _values.Length);
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is { } value)
            {
                builder.AppendLiteral(RuleValues.ToText(value.Evaluate(scope)));
            }
            else
            {
                builder.AppendLiteral(_literals[i]);
            }
        }
        return builder.ToStringAndClear();
    }
}
