namespace Stratus.Waiters;

/// <summary>How an acceptor looks at one response (waiters-2.json's <c>matcher</c>).</summary>
public enum WaiterMatcher
{
    /// <summary>The path expression's value equals the expected value.</summary>
    Path,
    /// <summary>The path expression gives a non-empty list whose every element equals the expected value.</summary>
    PathAll,
    /// <summary>The path expression gives a list with at least one element equal to the expected value.</summary>
    PathAny,
    /// <summary>The HTTP status code equals the expected number.</summary>
    Status,
    /// <summary>The error code equals the expected text; <c>true</c>: any error; <c>false</c>: no error.</summary>
    Error,
}
