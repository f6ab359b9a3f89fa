namespace Stratus.Testing.Services.Sqs;

/// <summary>Queue URLs and ARNs: making them, and finding the queue they name.</summary>
internal static class SqsAddresses
{
    /// <summary><c>{baseUrl}{accountId}/{queueName}</c>, for example <c>http://127.0.0.1:4566/000000000000/q</c>.</summary>
    public static string QueueUrl(Uri baseUrl, SqsQueueKey key)
    {
        var b = baseUrl.AbsoluteUri;
        return (b.EndsWith('/') ? b : b + "/") + key.AccountId + "/" + key.Name;
    }

    public static string QueueArn(SqsQueueKey key) => $"arn:{Partition(key.Region)}:sqs:{key.Region}:{key.AccountId}:{key.Name}";

    /// <summary>The partition of a region (aws, aws-cn, aws-us-gov, ...).</summary>
    public static string Partition(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ => "aws",
    };

    /// <summary>
    /// Reads the account id and queue name from a queue URL, whatever its host: the last two path segments.
    /// </summary>
    public static bool TryParseQueueUrl(string url, out string accountId, out string name)
    {
        accountId = name = "";
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
        {
            return false;
        }
        accountId = Uri.UnescapeDataString(segments[^2]);
        name = Uri.UnescapeDataString(segments[^1]);
        return IsAccountId(accountId) && name.Length > 0;
    }

    /// <summary>Reads a queue ARN (<c>arn:aws:sqs:region:account:name</c>).</summary>
    public static bool TryParseArn(string arn, out SqsQueueKey key)
    {
        key = default;
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sqs" || parts[3].Length == 0 || !IsAccountId(parts[4]) || parts[5].Length == 0)
        {
            return false;
        }
        key = new SqsQueueKey(parts[4], parts[3], parts[5]);
        return true;
    }

    private static bool IsAccountId(string s) => s.Length == 12 && s.All(char.IsAsciiDigit);
}
