using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Ec2;

/// <summary>
/// MaxResults/NextToken pagination. A token names the last item a page returned (by a sort key), so items
/// created or deleted between pages neither repeat nor shift the rest.
/// </summary>
internal static class Paging
{
    /// <summary>Reads and checks MaxResults (null when absent).</summary>
    public static int? MaxResults(JsonObject input, int min, int max) => Ec2Input.Integer(input, "MaxResults") switch
    {
        null => null,
        var n when n < min || n > max => throw Ec2Errors.InvalidMaxResults(n.Value, min, max),
        var n => (int)n.Value,
    };

    /// <summary>One page of <paramref name="items"/>, ordered by <paramref name="sortKey"/> (ordinal), after the token's item.</summary>
    public static (List<T> Page, string? NextToken) Page<T>(IEnumerable<T> items, Func<T, string> sortKey, int? maxResults, string? nextToken)
    {
        var ordered = items.OrderBy(sortKey, StringComparer.Ordinal).AsEnumerable();
        if (!string.IsNullOrEmpty(nextToken))
        {
            var after = Decode(nextToken);
            ordered = ordered.Where(i => string.CompareOrdinal(sortKey(i), after) > 0);
        }
        var rest = ordered.ToList();
        if (maxResults is not { } max || rest.Count <= max)
        {
            return (rest, null);
        }
        var page = rest.GetRange(0, max);
        return (page, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sortKey(page[^1]))));
    }

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Ec2Errors.InvalidNextToken(token);
        }
    }
}
