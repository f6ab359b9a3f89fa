namespace Stratus.OpenStack.Swift;

/// <summary>What a bulk delete did (Swift's report, summed over its requests).</summary>
/// <param name="Deleted">Objects deleted.</param>
/// <param name="NotFound">Paths that were already gone.</param>
/// <param name="Errors">Paths that could not be deleted, with Swift's status for each.</param>
public sealed record SwiftBulkDeleteResult(int Deleted, int NotFound, IReadOnlyList<KeyValuePair<string, string>> Errors);
