namespace Stratus.Client;

/// <summary>
/// A top-down operator precedence parser for JMESPath (after the reference implementation's), compiling an
/// expression to a function over <see cref="PathValue"/> values. Expression references (<c>&amp;expr</c>) and
/// the functions that take them are not supported.
/// </summary>
internal sealed class PathParser
{
    private const int ProjectionStop = 10;
    private const int StarBindingPower = 20;
    private const int FilterBindingPower = 21;
    private readonly string _expression;
    private readonly List<PathToken> _tokens;
    private int _index;

    private PathParser(string expression)
    {
        _expression = expression;
        _tokens = PathLexer.Tokenize(expression);
    }

    public static Func<object?, object?> Parse(string expression)
    {
        var parser = new PathParser(expression);
        var result = parser.Expression(0);
        if (parser.Current.Kind != PathTokenKind.Eof)
        {
            throw parser.Unexpected();
        }
        return result;
    }

    private PathToken Current => _tokens[_index];

    private PathToken Next => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    private Func<object?, object?> Expression(int bindingPower)
    {
        var token = Current;
        _index++;
        var left = Nud(token);
        while (bindingPower < Current.BindingPower)
        {
            var op = Current;
            _index++;
            left = Led(op, left);
        }
        return left;
    }

    private Func<object?, object?> Nud(PathToken token)
    {
        switch (token.Kind)
        {
            case PathTokenKind.Literal:
                var literal = token.Value;
                return _ => literal;
            case PathTokenKind.RawString:
                var text = token.Text;
                return _ => text;
            case PathTokenKind.Identifier when Current.Kind == PathTokenKind.LParen:
                _index++;
                return Function(token);
            case PathTokenKind.Identifier or PathTokenKind.QuotedIdentifier:
                var name = token.Text;
                return x => PathValue.Field(x, name);
            case PathTokenKind.Current:
                return x => x;
            case PathTokenKind.Star:
                return ValueProjection(x => x, ProjectionRight(token.BindingPower));
            case PathTokenKind.Filter:
                return FilterProjection(x => x);
            case PathTokenKind.Flatten:
                return Projection(Flatten(x => x), ProjectionRight(token.BindingPower));
            case PathTokenKind.LBrace:
                return MultiSelectHash();
            case PathTokenKind.LParen:
                var inner = Expression(0);
                Expect(PathTokenKind.RParen);
                return inner;
            case PathTokenKind.Not:
                var operand = Expression(token.BindingPower);
                return x => !PathValue.IsTruthy(operand(x));
            case PathTokenKind.LBracket when Current.Kind is PathTokenKind.Number or PathTokenKind.Colon:
                return IndexOrSlice(x => x);
            case PathTokenKind.LBracket when Current.Kind == PathTokenKind.Star && Next.Kind == PathTokenKind.RBracket:
                _index += 2;
                return Projection(x => x, ProjectionRight(StarBindingPower));
            case PathTokenKind.LBracket:
                return MultiSelectList();
            default:
                _index--;
                throw Unexpected();
        }
    }

    private Func<object?, object?> Led(PathToken token, Func<object?, object?> left)
    {
        switch (token.Kind)
        {
            case PathTokenKind.Dot when Current.Kind == PathTokenKind.Star:
                _index++;
                return ValueProjection(left, ProjectionRight(token.BindingPower));
            case PathTokenKind.Dot:
                var right = Dot(token.BindingPower);
                return x => right(left(x));
            case PathTokenKind.Pipe:
                var piped = Expression(token.BindingPower);
                return x => piped(left(x));
            case PathTokenKind.Or:
                var orRight = Expression(token.BindingPower);
                return x => left(x) is var l && PathValue.IsTruthy(l) ? l : orRight(x);
            case PathTokenKind.And:
                var andRight = Expression(token.BindingPower);
                return x => left(x) is var l && !PathValue.IsTruthy(l) ? l : andRight(x);
            case PathTokenKind.Eq or PathTokenKind.Ne or PathTokenKind.Lt or PathTokenKind.Le or PathTokenKind.Gt or PathTokenKind.Ge:
                return Comparison(token.Kind, left, Expression(token.BindingPower));
            case PathTokenKind.Flatten:
                return Projection(Flatten(left), ProjectionRight(token.BindingPower));
            case PathTokenKind.Filter:
                return FilterProjection(left);
            case PathTokenKind.LBracket when Current.Kind is PathTokenKind.Number or PathTokenKind.Colon:
                return IndexOrSlice(left);
            case PathTokenKind.LBracket:
                Expect(PathTokenKind.Star);
                Expect(PathTokenKind.RBracket);
                return Projection(left, ProjectionRight(StarBindingPower));
            default:
                _index--;
                throw Unexpected();
        }
    }

    private Func<object?, object?> Dot(int bindingPower)
    {
        switch (Current.Kind)
        {
            case PathTokenKind.Identifier or PathTokenKind.QuotedIdentifier or PathTokenKind.Star:
                return Expression(bindingPower);
            case PathTokenKind.LBracket:
                _index++;
                return MultiSelectList();
            case PathTokenKind.LBrace:
                _index++;
                return MultiSelectHash();
            default:
                throw Unexpected();
        }
    }

    // What follows a projection applies to each of its elements, up to a token that binds less than a projection.
    private Func<object?, object?> ProjectionRight(int bindingPower)
    {
        if (Current.BindingPower < ProjectionStop)
        {
            return x => x;
        }
        switch (Current.Kind)
        {
            case PathTokenKind.LBracket or PathTokenKind.Filter:
                return Expression(bindingPower);
            case PathTokenKind.Dot:
                _index++;
                return Dot(bindingPower);
            default:
                throw Unexpected();
        }
    }

    private Func<object?, object?> FilterProjection(Func<object?, object?> left)
    {
        var condition = Expression(0);
        Expect(PathTokenKind.RBracket);
        var right = ProjectionRight(FilterBindingPower);
        return x => PathValue.AsList(left(x)) is { } list
            ? Collect(list.Where(item => PathValue.IsTruthy(condition(item))), right)
            : null;
    }

    private static Func<object?, object?> Projection(Func<object?, object?> left, Func<object?, object?> right) =>
        x => PathValue.AsList(left(x)) is { } list ? Collect(list, right) : null;

    private static Func<object?, object?> ValueProjection(Func<object?, object?> left, Func<object?, object?> right) =>
        x => PathValue.AsObject(left(x)) is { } o ? Collect(o.Select(p => p.Value), right) : null;

    private static List<object?> Collect(IEnumerable<object?> items, Func<object?, object?> right)
    {
        var result = new List<object?>();
        foreach (var item in items)
        {
            if (right(item) is { } v)
            {
                result.Add(v);
            }
        }
        return result;
    }

    private static Func<object?, object?> Flatten(Func<object?, object?> left) => x =>
    {
        if (PathValue.AsList(left(x)) is not { } list)
        {
            return null;
        }
        var flat = new List<object?>();
        foreach (var item in list)
        {
            if (PathValue.AsList(item) is { } inner)
            {
                flat.AddRange(inner);
            }
            else
            {
                flat.Add(item);
            }
        }
        return flat;
    };

    private static Func<object?, object?> Comparison(PathTokenKind op, Func<object?, object?> left, Func<object?, object?> right) => x =>
    {
        var (a, b) = (left(x), right(x));
        if (op is PathTokenKind.Eq or PathTokenKind.Ne)
        {
            return PathValue.Equal(a, b) == (op == PathTokenKind.Eq);
        }
        if (PathValue.Kind(a) != PathKind.Number || PathValue.Kind(b) != PathKind.Number)
        {
            return null;
        }
        var (m, n) = (PathValue.AsNumber(a), PathValue.AsNumber(b));
        return op switch
        {
            PathTokenKind.Lt => m < n,
            PathTokenKind.Le => m <= n,
            PathTokenKind.Gt => m > n,
            _ => m >= n,
        };
    };

    private Func<object?, object?> IndexOrSlice(Func<object?, object?> left)
    {
        var parts = new int?[3];
        var colons = 0;
        while (Current.Kind != PathTokenKind.RBracket)
        {
            if (Current.Kind == PathTokenKind.Colon)
            {
                if (++colons > 2)
                {
                    throw Unexpected();
                }
                _index++;
            }
            else if (Current.Kind == PathTokenKind.Number)
            {
                parts[colons] = (int)Current.Value!;
                _index++;
            }
            else
            {
                throw Unexpected();
            }
        }
        _index++;
        if (colons == 0)
        {
            var index = parts[0]!.Value;
            return x => PathValue.AsList(left(x)) is { } list && (index < 0 ? index + list.Count : index) is var i && i >= 0 && i < list.Count ? list[i] : null;
        }
        var (start, stop, step) = (parts[0], parts[1], parts[2] ?? 1);
        if (step == 0)
        {
            throw new FormatException($"A slice step cannot be 0 in '{_expression}'.");
        }
        var sliced = (Func<object?, object?>)(x => PathValue.AsList(left(x)) is { } list ? Slice(list, start, stop, step) : null);
        return Projection(sliced, ProjectionRight(StarBindingPower));
    }

    private static List<object?> Slice(List<object?> list, int? start, int? stop, int step)
    {
        int Clamp(int? value, int whenMissing)
        {
            if (value is not { } v)
            {
                return whenMissing;
            }
            if (v < 0)
            {
                v += list.Count;
                return v < 0 ? (step < 0 ? -1 : 0) : v;
            }
            return v >= list.Count ? (step < 0 ? list.Count - 1 : list.Count) : v;
        }
        var from = Clamp(start, step < 0 ? list.Count - 1 : 0);
        var to = Clamp(stop, step < 0 ? -1 : list.Count);
        var result = new List<object?>();
        for (var i = from; step > 0 ? i < to : i > to; i += step)
        {
            result.Add(list[i]);
        }
        return result;
    }

    private Func<object?, object?> MultiSelectList()
    {
        var items = new List<Func<object?, object?>>();
        do
        {
            if (items.Count > 0)
            {
                _index++;
            }
            items.Add(Expression(0));
        }
        while (Current.Kind == PathTokenKind.Comma);
        Expect(PathTokenKind.RBracket);
        return x => x is null ? null : items.Select(e => e(x)).ToList();
    }

    private Func<object?, object?> MultiSelectHash()
    {
        var entries = new List<(string Key, Func<object?, object?> Value)>();
        do
        {
            if (entries.Count > 0)
            {
                _index++;
            }
            if (Current.Kind is not (PathTokenKind.Identifier or PathTokenKind.QuotedIdentifier))
            {
                throw Unexpected();
            }
            var key = Current.Text;
            _index++;
            Expect(PathTokenKind.Colon);
            entries.Add((key, Expression(0)));
        }
        while (Current.Kind == PathTokenKind.Comma);
        Expect(PathTokenKind.RBrace);
        return x =>
        {
            if (x is null)
            {
                return null;
            }
            var map = new PathMap();
            foreach (var (key, value) in entries)
            {
                map.Entries.Add(new(key, value(x)));
            }
            return map;
        };
    }

    private Func<object?, object?> Function(PathToken name)
    {
        var args = new List<Func<object?, object?>>();
        while (Current.Kind != PathTokenKind.RParen)
        {
            if (args.Count > 0)
            {
                Expect(PathTokenKind.Comma);
            }
            if (Current.Kind == PathTokenKind.Expref)
            {
                throw new FormatException($"Expression references (&) are not supported, in '{_expression}'.");
            }
            args.Add(Expression(0));
        }
        _index++;
        var function = PathFunctions.Get(name.Text, args.Count)
            ?? throw new FormatException($"Unknown function {name.Text}() with {args.Count} argument(s) in '{_expression}'.");
        return x =>
        {
            var values = new object?[args.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = args[i](x);
            }
            return function(values);
        };
    }

    private void Expect(PathTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected();
        }
        _index++;
    }

    private FormatException Unexpected() => new($"Unexpected {PathLexer.Describe(Current)} in '{_expression}'.");
}
