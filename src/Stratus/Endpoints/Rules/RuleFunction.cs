namespace Stratus.Endpoints.Rules;

/// <summary>A rule-set library function over already evaluated arguments.</summary>
internal delegate object? RuleFunction(ReadOnlySpan<object?> args);
