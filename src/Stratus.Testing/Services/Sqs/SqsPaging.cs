using System.Text;
using System.Text.Json.Nodes;

namespace Stratus.Testing.Services.Sqs;

/// <summary>ListQueues and ListDeadLetterSourceQueues paging: MaxResults 1 to 1000, an opaque NextToken.</summary>
internal static class SqsPaging
{
    /// <summary>The answer's size when MaxResults is not given (no NextToken then, as AWS does).</summary>
    private const int Unpaged = 1000;

    public static (int? Max, string? Token) Read(JsonObject input)
    {
        var max = SqsInput.OptionalInt(input, "MaxResults");
        if (max is < 1 or > 1000)
        {
            throw SqsErrors.InvalidParameterValue("MaxResults", max.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "MaxResults must be an integer between 1 and 1000.");
        }
        return (max, SqsInput.OptionalString(input, "NextToken") is { Length: > 0 } t ? t : null);
    }

    /// <summary>One page of sorted items, after the item the token names, and the next token if more follow.</summary>
    public static (List<string> Page, string? NextToken) Page(List<string> sorted, int? max, string? token)
    {
        var start = 0;
        if (token is not null)
        {
            string after;
            try
            {
                after = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            }
            catch (FormatException)
            {
                throw SqsErrors.InvalidParameterValue("Invalid NextToken value.");
            }
            start = sorted.FindIndex(s => string.CompareOrdinal(s, after) > 0);
            if (start < 0)
            {
                start = sorted.Count;
            }
        }
        var page = sorted.Skip(start).Take(max ?? Unpaged).ToList();
        var more = max is not null && start + page.Count < sorted.Count;
        return (page, more ? Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1])) : null);
    }
}
