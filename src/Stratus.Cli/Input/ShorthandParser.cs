using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Cli.Input;

/// <summary>
/// The AWS CLI's shorthand syntax, read without a model: <c>Key=a,Value=b</c>, <c>Name=x,Values=a,b</c>
/// (a comma-separated list), <c>Values=[a,b]</c>, <c>Inner={K=v}</c>, quoted values (<c>'a,b'</c>, <c>"a=b"</c>)
/// and <c>\,</c> for a literal comma. Every leaf is a string; <see cref="ShapeCoercer"/> gives leaves their
/// types from the model afterwards (and turns a lone value into a one-element list where the model wants a list).
/// </summary>
/// <remarks>
/// Grammar (as the AWS CLI documents it): <c>parameter = keyval *("," keyval)</c>, <c>keyval = key "=" [values]</c>,
/// <c>values = csv-list / explicit-list / hash-literal</c>. In a csv list, a later item that turns out to be the
/// next <c>key=</c> ends the list.
/// </remarks>
internal sealed class ShorthandParser
{
    private readonly string _input;
    private int _index;

    private ShorthandParser(string input)
    {
        _input = input;
    }

    /// <summary>Parses one shorthand value (for example <c>Key=a,Value=b</c>) into an object of strings, lists and objects.</summary>
    /// <exception cref="ShorthandException">The value is not valid shorthand.</exception>
    public static JsonObject Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ShorthandParser(input).Parameter();
    }

    private JsonObject Parameter()
    {
        var result = new JsonObject();
        var (key, value) = KeyValue();
        result[key] = value;
        var lastIndex = _index;
        while (_index < _input.Length)
        {
            Expect(',', skipWhitespace: true);
            (key, value) = KeyValue();
            if (result.ContainsKey(key))
            {
                throw new ShorthandException(
                    $"second instance of key \"{key}\" in {Show(lastIndex + 1)} (often a \",\" where a space was meant)");
            }
            result[key] = value;
            lastIndex = _index;
        }
        return result;
    }

    private (string Key, JsonNode? Value) KeyValue()
    {
        var key = Key();
        Expect('=', skipWhitespace: true);
        return (key, Values());
    }

    private string Key()
    {
        var start = _index;
        while (_index < _input.Length && IsKeyChar(_input[_index]))
        {
            _index++;
        }
        return _input[start.._index];
    }

    private JsonNode? Values()
    {
        if (AtEnd)
        {
            return JsonValue.Create("");
        }
        return Current switch
        {
            '[' => ExplicitList(),
            '{' => HashLiteral(),
            _ => CsvValue(),
        };
    }

    /// <summary><c>a</c> is a scalar; <c>a,b</c> is a list, unless what follows the comma is the next <c>key=</c>.</summary>
    private JsonNode CsvValue()
    {
        var first = FirstValue();
        SkipWhitespace();
        if (AtEnd || Current != ',')
        {
            return JsonValue.Create(first);
        }
        Expect(',', skipWhitespace: true);
        var items = new List<string> { first };
        while (true)
        {
            var before = _index;
            try
            {
                var next = SecondValue();
                SkipWhitespace();
                if (AtEnd)
                {
                    items.Add(next);
                    break;
                }
                Expect(',', skipWhitespace: true);
                items.Add(next);
            }
            catch (ShorthandException) when (!AtEnd)
            {
                // Not a list item but the next "key=": back up to the comma before it.
                _index = before;
                while (_index >= 0 && _input[_index] != ',')
                {
                    _index--;
                }
                break;
            }
        }
        if (items.Count == 1)
        {
            return JsonValue.Create(first);
        }
        var list = new JsonArray();
        foreach (var item in items)
        {
            list.Add((JsonNode?)JsonValue.Create(item));
        }
        return list;
    }

    private JsonArray ExplicitList()
    {
        Expect('[', skipWhitespace: true);
        var list = new JsonArray();
        while (CurrentOrEnd != ']')
        {
            if (AtEnd)
            {
                throw Syntax("]");
            }
            list.Add(ExplicitValue());
            SkipWhitespace();
            if (CurrentOrEnd != ']')
            {
                Expect(',');
                SkipWhitespace();
            }
        }
        Expect(']');
        return list;
    }

    private JsonObject HashLiteral()
    {
        Expect('{', skipWhitespace: true);
        var result = new JsonObject();
        while (CurrentOrEnd != '}')
        {
            if (AtEnd)
            {
                throw Syntax("}");
            }
            var key = Key();
            Expect('=', skipWhitespace: true);
            var value = ExplicitValue();
            SkipWhitespace();
            if (CurrentOrEnd != '}')
            {
                Expect(',');
                SkipWhitespace();
            }
            result[key] = value;
        }
        Expect('}');
        return result;
    }

    private JsonNode? ExplicitValue() => CurrentOrEnd switch
    {
        '[' => ExplicitList(),
        '{' => HashLiteral(),
        _ => JsonValue.Create(FirstValue()),
    };

    private string FirstValue()
    {
        if (!AtEnd && Current is '\'' or '"')
        {
            return Quoted(Current);
        }
        // A first value may be empty ("a=,b=c" gives a = "").
        return Unquoted(IsFirstFollow, required: false);
    }

    private string SecondValue()
    {
        if (!AtEnd && Current is '\'' or '"')
        {
            return Quoted(Current);
        }
        return Unquoted(IsSecondFollow, required: true);
    }

    /// <summary>A run of value characters, where <c>\,</c> stands for a comma; trailing whitespace is dropped.</summary>
    private string Unquoted(Func<char, bool> follows, bool required)
    {
        var sb = new StringBuilder();
        var start = _index;
        while (!AtEnd)
        {
            var c = Current;
            if (c == '\\' && _index + 1 < _input.Length && _input[_index + 1] == ',')
            {
                sb.Append(',');
                _index += 2;
                continue;
            }
            if (_index == start ? !IsStartChar(c) : !follows(c))
            {
                break;
            }
            sb.Append(c);
            _index++;
        }
        if (_index == start && required)
        {
            throw Syntax("<value>");
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>A quoted value: the quote itself and the backslash are escaped with a backslash.</summary>
    private string Quoted(char quote)
    {
        var start = _index;
        _index++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                _index = start;
                throw Syntax(quote == '\'' ? "<single quoted>" : "<double quoted>");
            }
            var c = Current;
            if (c == '\\' && _index + 1 < _input.Length && (_input[_index + 1] == quote || _input[_index + 1] == '\\'))
            {
                sb.Append(_input[_index + 1]);
                _index += 2;
                continue;
            }
            _index++;
            if (c == quote)
            {
                return sb.ToString();
            }
            sb.Append(c);
        }
    }

    private void Expect(char c, bool skipWhitespace = false)
    {
        if (skipWhitespace)
        {
            SkipWhitespace();
        }
        if (AtEnd || Current != c)
        {
            throw Syntax(c.ToString());
        }
        _index++;
        if (skipWhitespace)
        {
            SkipWhitespace();
        }
    }

    private void SkipWhitespace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _index++;
        }
    }

    private ShorthandException Syntax(string expected) =>
        new($"expected '{expected}', received '{(AtEnd ? "EOF" : Current.ToString())}' in {Show(_index)}");

    /// <summary>The input with a marker where parsing stopped, on one line.</summary>
    private string Show(int at)
    {
        at = Math.Clamp(at, 0, _input.Length);
        return $"\"{_input[..at]}<HERE>{_input[at..]}\"".Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private bool AtEnd => _index >= _input.Length;

    private char Current => _input[_index];

    private char CurrentOrEnd => AtEnd ? '\0' : _input[_index];

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '#' or '/' or ':';

    /// <summary>What may start an unquoted value: not whitespace, quotes, ',', '=', '[' or '{'.</summary>
    private static bool IsStartChar(char c) =>
        c > ' ' && c is not ('"' or '\'' or ',' or '=' or '[' or '{') && !char.IsWhiteSpace(c);

    /// <summary>What may follow in a first value: anything but quotes, ',', ']' and '}' (so '=' is allowed: <c>K=a=b</c>).</summary>
    private static bool IsFirstFollow(char c) =>
        (c >= ' ' || char.IsWhiteSpace(c)) && c is not ('"' or '\'' or ',' or ']' or '}');

    /// <summary>What may follow in a later csv item: anything but quotes, ',' and '=' (an '=' means a key).</summary>
    private static bool IsSecondFollow(char c) =>
        (c >= ' ' || char.IsWhiteSpace(c)) && c is not ('"' or '\'' or ',' or '=');
}
