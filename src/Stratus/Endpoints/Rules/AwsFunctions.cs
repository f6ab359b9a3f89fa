namespace Stratus.Endpoints.Rules;

/// <summary>The AWS rules-engine functions: <c>aws.partition</c>, <c>aws.parseArn</c>, <c>aws.isVirtualHostableS3Bucket</c>.</summary>
internal static class AwsFunctions
{
    /// <summary>
    /// Parses an ARN (<c>arn:partition:service:region:account-id:resource</c>) into <c>partition</c>, <c>service</c>,
    /// <c>region</c>, <c>accountId</c> and <c>resourceId</c> (the resource split on <c>:</c> and <c>/</c>);
    /// <see langword="null"/> unless it has all six parts with a partition, a service and a resource.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? ParseArn(string? value)
    {
        if (value is null || !value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }
        var parts = value.Split(':', 6);
        if (parts.Length < 6 || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return null;
        }
        return new Dictionary<string, object?>(5, StringComparer.Ordinal)
        {
            ["partition"] = parts[1],
            ["service"] = parts[2],
            ["region"] = parts[3],
            ["accountId"] = parts[4],
            ["resourceId"] = parts[5].Split([':', '/']),
        };
    }

    /// <summary>
    /// Whether a bucket name can be a virtual host label: 3 to 63 characters of lower-case letters, digits and
    /// hyphens (and dots, each label a valid host label, when <paramref name="allowSubDomains"/>), starting and ending
    /// with a letter or digit, not shaped like an IPv4 address, with no hyphen next to a dot.
    /// </summary>
    public static bool IsVirtualHostableS3Bucket(string? value, bool allowSubDomains)
    {
        if (value is null || value.Length is < 3 or > 63 || !StandardFunctions.IsValidHostLabel(value, allowSubDomains))
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }
        return !StandardFunctions.IsIpv4(value);
    }

    /// <summary>The AWS functions by name, over evaluated arguments; with their argument counts.</summary>
    public static bool TryGet(string name, Partitions partitions, out RuleFunction function, out int minArgs, out int maxArgs)
    {
        (function, minArgs, maxArgs) = name switch
        {
            "aws.partition" => ((RuleFunction)(a => a[0] is string region ? partitions.Resolve(region).Outputs : null), 1, 1),
            "aws.parseArn" => (a => ParseArn(a[0] as string), 1, 1),
            "aws.isVirtualHostableS3Bucket" => (a => RuleValues.Box(IsVirtualHostableS3Bucket(a[0] as string, a[1] is true)), 2, 2),
            _ => (null!, 0, 0),
        };
        return function is not null;
    }
}
