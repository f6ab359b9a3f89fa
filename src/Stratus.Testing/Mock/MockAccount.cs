namespace Stratus.Testing.Mock;

/// <summary>An account of the mock cloud and one access key of it. ToString never shows the secret.</summary>
/// <param name="AccountId">The 12-digit account id.</param>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token, for temporary credentials (for example from STS AssumeRole).</param>
/// <param name="Expiration">When temporary credentials expire.</param>
/// <param name="Arn">The caller's ARN (GetCallerIdentity); default the account's root.</param>
public sealed record MockAccount(string AccountId, string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null, string? Arn = null)
{
    /// <summary>The account LocalStack users know: id 000000000000, access key id and secret both <c>test</c>.</summary>
    public static MockAccount Default { get; } = new("000000000000", "test", "test");

    /// <summary>The caller ARN reported by GetCallerIdentity.</summary>
    public string CallerArn => Arn ?? $"arn:aws:iam::{AccountId}:root";

    /// <summary>Shows the account and key id, never the secret or token.</summary>
    public override string ToString() => $"MockAccount {{ AccountId = {AccountId}, AccessKeyId = {AccessKeyId} }}";
}
