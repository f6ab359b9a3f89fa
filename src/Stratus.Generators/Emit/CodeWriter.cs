using System.Text;

namespace Stratus.Generators.Emit;

/// <summary>A StringBuilder that indents: the generated files stay readable in the IDE's generated-source view.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _sb = new(64 * 1024);
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4);
        }
        _sb.Append(text).Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A one-line XML doc summary.</summary>
    public CodeWriter Summary(string text) => Line($"/// <summary>{text}</summary>");

    public override string ToString() => _sb.ToString();
}
