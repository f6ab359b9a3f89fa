using System.Runtime.CompilerServices;
using System.Text;
using Stratus.Models;

namespace Stratus.Protocols.Rest;

/// <summary>
/// An operation's request URI, split once: the path's literal parts and labels (<c>{Name}</c>, greedy
/// <c>{Name+}</c>) and the literal query pairs after '?'. Rendering writes the labels' encoded values between
/// the literals in one builder, instead of re-scanning the template and making a string per label each call.
/// </summary>
internal sealed class RequestUriTemplate
{
    private static readonly ConditionalWeakTable<OperationModel, RequestUriTemplate> Cache = new();

    [ThreadStatic]
    private static StringBuilder? t_builder;

    private readonly string _path;
    private readonly string[] _literals;

    private RequestUriTemplate(string template)
    {
        var q = template.IndexOf('?', StringComparison.Ordinal);
        _path = q < 0 ? template : template[..q];
        var query = new List<KeyValuePair<string, string?>>();
        if (q >= 0)
        {
            foreach (var part in template[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                query.Add(eq < 0 ? new(part, null) : new(part[..eq], part[(eq + 1)..]));
            }
        }
        Query = [.. query];
        var literals = new List<string>();
        var labels = new List<(string, bool)>();
        var i = 0;
        while (i < _path.Length)
        {
            var open = _path.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }
            var close = _path.IndexOf('}', open);
            literals.Add(_path[i..open]);
            var label = _path[(open + 1)..close];
            var greedy = label.EndsWith('+');
            labels.Add((greedy ? label[..^1] : label, greedy));
            i = close + 1;
        }
        literals.Add(_path[i..]);
        _literals = [.. literals];
        Labels = [.. labels];
    }

    /// <summary>The literal query pairs of the template, in order (a null value is a bare key).</summary>
    public KeyValuePair<string, string?>[] Query { get; }

    /// <summary>The path's labels in order: name and whether it is greedy (its value keeps its '/').</summary>
    public (string Name, bool Greedy)[] Labels { get; }

    /// <summary>The template of an operation.</summary>
    public static RequestUriTemplate For(OperationModel operation) => Cache.GetValue(operation, static o => new RequestUriTemplate(o.RequestUri));

    /// <summary>The index of the label a member's wire name fills, or -1.</summary>
    public int LabelIndex(string name)
    {
        for (var i = 0; i < Labels.Length; i++)
        {
            if (string.Equals(Labels[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The path with each label's value (by label index) percent-encoded in place.</summary>
    /// <exception cref="ArgumentException">A label has no value.</exception>
    public string RenderPath(OperationModel operation, ReadOnlySpan<string?> values)
    {
        if (Labels.Length == 0)
        {
            return _path;
        }
        var sb = t_builder ??= new StringBuilder(256);
        sb.Clear();
        for (var i = 0; i < Labels.Length; i++)
        {
            sb.Append(_literals[i]);
            var (name, greedy) = Labels[i];
            var value = values[i] ?? throw new ArgumentException($"{operation}: the URI label '{name}' is required.", name);
            UriEncoding.Append(sb, value, greedy ? "/" : "");
        }
        sb.Append(_literals[^1]);
        var path = sb.ToString();
        if (sb.Capacity > 4096)
        {
            // Not kept grown by one long key.
            t_builder = null;
        }
        return path;
    }
}
