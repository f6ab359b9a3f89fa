using System.Globalization;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sts;

/// <summary>STS's errors, with the codes STS writes on the wire (a query protocol service: no mapping needed).</summary>
internal static class StsErrors
{
    public static MockServiceException Validation(string message) =>
        new("ValidationError", message);

    public static MockServiceException Missing(string member) =>
        Validation($"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    public static MockServiceException Pattern(string member, string value, string pattern) =>
        Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");

    public static MockServiceException Length(string member, string value, int min, int max) =>
        Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have length {(value.Length < min ? $"greater than or equal to {min}" : $"less than or equal to {max}")}");

    public static MockServiceException Range(string member, long value, int min, int max) =>
        Validation(string.Create(CultureInfo.InvariantCulture, $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must have value {(value < min ? $"greater than or equal to {min}" : $"less than or equal to {max}")}"));

    public static MockServiceException AccessDenied(string message) =>
        new("AccessDenied", message, 403);
}
