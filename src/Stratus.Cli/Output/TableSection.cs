namespace Stratus.Cli.Output;

/// <summary>One titled section of a <see cref="MultiTable"/>: optional column headers and rows of cells.</summary>
internal sealed class TableSection
{
    private readonly List<int> _maxWidths = [];

    public string Title { get; set; } = "";
    public List<string> Headers { get; private set; } = [];
    public List<List<string>> Rows { get; } = [];
    public int IndentLevel { get; set; }

    public void AddHeader(IReadOnlyList<string> headers)
    {
        UpdateWidths(headers);
        Headers = [.. headers];
    }

    public void AddRow(IReadOnlyList<string> row)
    {
        Rows.Add([.. row]);
        UpdateWidths(row);
    }

    /// <summary>Each column's width plus padding, scaled so that they add up to <paramref name="maxWidth"/> when given.</summary>
    public List<int> ColumnWidths(int padding = 0, int? maxWidth = null)
    {
        var unscaled = _maxWidths.Select(w => w + padding).ToList();
        if (maxWidth is not { } max || unscaled.Count == 0)
        {
            return unscaled;
        }
        var scale = max / (double)unscaled.Sum();
        var scaled = unscaled.Select(w => (int)Math.Round(scale * w, MidpointRounding.ToEven)).ToList();
        var off = scaled.Sum() - max;
        while (off != 0)
        {
            var order = Enumerable.Range(0, scaled.Count);
            if (off < 0)
            {
                order = order.Reverse();
            }
            foreach (var i in order)
            {
                if (off > 0)
                {
                    scaled[i]--;
                    off--;
                }
                else
                {
                    scaled[i]++;
                    off++;
                }
                if (off == 0)
                {
                    break;
                }
            }
        }
        return scaled;
    }

    /// <summary>The width the section needs: its columns, borders and indentation, or its title if wider.</summary>
    public int TotalWidth(int padding, bool withBorder, int outerPadding)
    {
        var total = ColumnWidths().Sum(w => w + padding);
        if (withBorder)
        {
            total += 2;
        }
        total += 2 * outerPadding;
        return Math.Max(TextWidth.Of(Title) + 2 + 2 * outerPadding, total);
    }

    private void UpdateWidths(IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            var width = TextWidth.Of(cells[i]);
            if (i < _maxWidths.Count)
            {
                _maxWidths[i] = Math.Max(_maxWidths[i], width);
            }
            else
            {
                _maxWidths.Add(width);
            }
        }
    }
}
