using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Stratus.Generators.Model;

/// <summary>
/// A small JSON reader for the models: objects become <see cref="JsonObj"/>, arrays <c>List&lt;object?&gt;</c>,
/// strings, doubles, booleans and null. The generator cannot count on System.Text.Json in every compiler
/// host, and a model needs nothing more.
/// </summary>
internal sealed class JsonText
{
    private readonly string _text;
    private int _pos;

    private JsonText(string text) => _text = text;

    /// <summary>Parses a whole document.</summary>
    /// <exception cref="FormatException">The text is not JSON.</exception>
    public static object? Parse(string text)
    {
        var reader = new JsonText(text);
        reader.SkipSpace();
        var value = reader.Value(0);
        reader.SkipSpace();
        if (reader._pos != text.Length)
        {
            throw reader.Error("text after the end of the document");
        }
        return value;
    }

    private object? Value(int depth)
    {
        if (depth > 512)
        {
            throw Error("nesting too deep");
        }
        if (_pos >= _text.Length)
        {
            throw Error("unexpected end");
        }
        switch (_text[_pos])
        {
            case '{':
                return Object(depth);
            case '[':
                return Array(depth);
            case '"':
                return String();
            case 't':
                Literal("true");
                return true;
            case 'f':
                Literal("false");
                return false;
            case 'n':
                Literal("null");
                return null;
            default:
                return Number();
        }
    }

    private JsonObj Object(int depth)
    {
        var obj = new JsonObj();
        _pos++;
        SkipSpace();
        if (Peek() == '}')
        {
            _pos++;
            return obj;
        }
        while (true)
        {
            SkipSpace();
            if (Peek() != '"')
            {
                throw Error("expected a member name");
            }
            var name = String();
            SkipSpace();
            Expect(':');
            SkipSpace();
            obj.Add(name, Value(depth + 1));
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }
            Expect('}');
            return obj;
        }
    }

    private List<object?> Array(int depth)
    {
        var list = new List<object?>();
        _pos++;
        SkipSpace();
        if (Peek() == ']')
        {
            _pos++;
            return list;
        }
        while (true)
        {
            SkipSpace();
            list.Add(Value(depth + 1));
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }
            Expect(']');
            return list;
        }
    }

    private string String()
    {
        _pos++;
        var start = _pos;
        // The common case, no escapes: one substring.
        while (_pos < _text.Length && _text[_pos] != '"' && _text[_pos] != '\\')
        {
            _pos++;
        }
        if (_pos < _text.Length && _text[_pos] == '"')
        {
            return _text.Substring(start, _pos++ - start);
        }
        var sb = new StringBuilder(_text, start, _pos - start, _pos - start + 16);
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unterminated string");
            }
            var c = _text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
            {
                throw Error("unterminated escape");
            }
            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (_pos + 4 > _text.Length)
                    {
                        throw Error("short \\u escape");
                    }
                    sb.Append((char)int.Parse(_text.Substring(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    _pos += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
    }

    private double Number()
    {
        var start = _pos;
        while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
        {
            _pos++;
        }
        if (_pos == start || !double.TryParse(_text.Substring(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            throw Error("expected a value");
        }
        return d;
    }

    private void Literal(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
        {
            throw Error("expected a value");
        }
        _pos += word.Length;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }
        _pos++;
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
        {
            _pos++;
        }
    }

    private FormatException Error(string what) => new($"{what} at offset {_pos}");
}
