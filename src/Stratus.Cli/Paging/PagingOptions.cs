namespace Stratus.Cli.Paging;

/// <summary>The AWS CLI's paging options: <c>--starting-token</c>, <c>--page-size</c>, <c>--max-items</c>.</summary>
internal sealed record PagingOptions(string? StartingToken, int? PageSize, int? MaxItems)
{
    /// <summary>No paging options given.</summary>
    public static readonly PagingOptions None = new(null, null, null);
}
