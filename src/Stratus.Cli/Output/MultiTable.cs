using System.Text;

namespace Stratus.Cli.Output;

/// <summary>
/// The AWS CLI's table layout: sections one under another, all as wide as the widest, nested sections indented
/// with <c>|</c>, titles centred, cells left-aligned. When the table is wider than the terminal, single-row
/// sections are turned to vertical key/value pairs.
/// </summary>
internal sealed class MultiTable(int terminalWidth)
{
    private readonly List<TableSection> _sections = [];
    private TableSection? _current;

    public void NewSection(string title, int indentLevel)
    {
        _current = new TableSection { Title = title, IndentLevel = indentLevel };
        _sections.Add(_current);
    }

    public void AddRowHeader(IReadOnlyList<string> headers) => Current.AddHeader(headers);

    public void AddRow(IReadOnlyList<string> row) => Current.AddRow(row);

    private TableSection Current => _current ??= NewUntitled();

    private TableSection NewUntitled()
    {
        var section = new TableSection();
        _sections.Add(section);
        return section;
    }

    public void Render(TextWriter output)
    {
        if (_sections.Count == 0)
        {
            return;
        }
        var maxWidth = MaxWidth();
        if (maxWidth > terminalWidth)
        {
            ToVertical();
            maxWidth = MaxWidth();
        }
        output.Write(new string('-', maxWidth) + "\n");
        foreach (var section in _sections)
        {
            RenderSection(section, maxWidth, output);
        }
    }

    private int MaxWidth() => _sections.Max(s => s.TotalWidth(padding: 4, withBorder: true, outerPadding: s.IndentLevel));

    private void ToVertical()
    {
        for (var i = 0; i < _sections.Count; i++)
        {
            var section = _sections[i];
            if (section.Rows.Count == 1 && section.Headers.Count > 0)
            {
                var vertical = new TableSection { Title = section.Title, IndentLevel = section.IndentLevel };
                foreach (var (header, cell) in section.Headers.Zip(section.Rows[0]))
                {
                    vertical.AddRow([header, cell]);
                }
                _sections[i] = vertical;
            }
        }
    }

    private static void RenderSection(TableSection section, int maxWidth, TextWriter output)
    {
        var lines = new List<string>();
        var width = maxWidth - section.IndentLevel * 2;
        if (section.Title.Length > 0)
        {
            lines.Add(Center(section.Title, width, "|", "|"));
            if (section.Headers.Count == 0 && section.Rows.Count == 0)
            {
                lines.Add("+" + new string('-', Math.Max(0, width - 2)) + "+");
            }
        }
        if (section.Headers.Count > 0)
        {
            var widths = section.ColumnWidths(4, width);
            lines.Add(LineBreak(widths));
            var sb = new StringBuilder();
            for (var i = 0; i < Math.Min(widths.Count, section.Headers.Count); i++)
            {
                sb.Append(Center(section.Headers[i], widths[i], i == 0 ? "|" : "", "|"));
            }
            lines.Add(sb.ToString());
        }
        if (section.Rows.Count > 0)
        {
            var widths = section.ColumnWidths(4, width);
            if (widths.Count > 0)
            {
                lines.Add(LineBreak(widths));
                foreach (var row in section.Rows)
                {
                    var sb = new StringBuilder();
                    for (var i = 0; i < Math.Min(widths.Count, row.Count); i++)
                    {
                        sb.Append(AlignLeft(row[i], widths[i], i == 0 ? "|" : "", "|"));
                    }
                    lines.Add(sb.ToString());
                }
                lines.Add(LineBreak(widths));
            }
        }
        var indent = new string('|', section.IndentLevel);
        foreach (var line in lines)
        {
            output.Write(indent + line + indent + "\n");
        }
    }

    private static string LineBreak(List<int> widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < widths.Count; i++)
        {
            sb.Append(i == 0 ? "+" + new string('-', Math.Max(0, widths[i] - 2)) + "+" : new string('-', Math.Max(0, widths[i] - 1)) + "+");
        }
        return sb.ToString();
    }

    private static string Center(string text, int length, string left, string right)
    {
        var textLength = TextWidth.Of(text);
        // As the AWS CLI computes it, including when the text is wider than the cell.
        var start = length / 2 - textLength / 2 - 1;
        var soFar = TextWidth.Of(left) + start + textLength;
        var rightSpaces = length - TextWidth.Of(right) - soFar;
        return left + new string(' ', Math.Max(0, start)) + text + new string(' ', Math.Max(0, rightSpaces)) + right;
    }

    private static string AlignLeft(string text, int length, string left, string right, int leftPadding = 2)
    {
        var textLength = TextWidth.Of(text);
        var needed = textLength + leftPadding + TextWidth.Of(left) + TextWidth.Of(right);
        var padding = length - needed >= 0 ? leftPadding : 0;
        var soFar = left.Length + padding + textLength;
        return left + new string(' ', padding) + text + new string(' ', Math.Max(0, length - soFar - right.Length)) + right;
    }
}
