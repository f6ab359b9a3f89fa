using System.Text;

namespace Stratus.Protocols;

/// <summary>Expands the <c>{Name}</c> placeholders of request URI and host-prefix templates.</summary>
internal static class UriTemplate
{
    /// <summary>Replaces each <c>{label}</c> (or <c>{label+}</c>) with <paramref name="expand"/>(name, greedy).</summary>
    public static string Expand(string template, Func<string, bool, string> expand)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            var close = template.IndexOf('}', open);
            sb.Append(template, i, open - i);
            var label = template[(open + 1)..close];
            var greedy = label.EndsWith('+');
            sb.Append(expand(greedy ? label[..^1] : label, greedy));
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>Renders query pairs as AWS sends them: percent-encoded keys and values, a bare key for a null value.</summary>
    public static string RenderQuery(IReadOnlyList<KeyValuePair<string, string?>> query)
    {
        if (query.Count == 0)
        {
            return "";
        }
        var sb = new StringBuilder();
        foreach (var (k, v) in query)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }
            UriEncoding.Append(sb, k, "");
            if (v is not null)
            {
                sb.Append('=');
                UriEncoding.Append(sb, v, "");
            }
        }
        return sb.ToString();
    }
}
