using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Stratus.Testing.Services.Sts;

/// <summary>Identifiers STS makes: temporary keys, role ids, assumed-role ARNs, and the user id of a caller ARN.</summary>
internal static partial class StsIdentities
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>A temporary access key id: <c>ASIA</c> and 16 characters, as AWS issues them.</summary>
    public static string NewAccessKeyId() => "ASIA" + RandomNumberGenerator.GetString(Base32, 16);

    public static string NewSecretAccessKey() => RandomNumberGenerator.GetString(SecretCharacters, 40);

    public static string NewSessionToken() => "IQoJb3JpZ2luX2VjE" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(264));

    /// <summary>A stable unique id for a principal: the prefix (AROA for roles, AIDA for users) and 17 characters from its ARN.</summary>
    public static string UniqueId(string prefix, string arn)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(arn));
        var id = new StringBuilder(prefix, prefix.Length + 17);
        for (var i = 0; i < 17; i++)
        {
            id.Append(Base32[hash[i] % 32]);
        }
        return id.ToString();
    }

    /// <summary>Reads a role ARN: <c>arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME</c>.</summary>
    public static bool TryParseRoleArn(string arn, out string partition, out string accountId, out string roleName)
    {
        var match = RoleArn().Match(arn);
        partition = match.Groups["partition"].Value;
        accountId = match.Groups["account"].Value;
        roleName = match.Groups["name"].Value;
        return match.Success;
    }

    /// <summary>
    /// The assumed role's id as GetCallerIdentity and AssumedRoleUser report it: <c>AROA...:SESSION</c>, the role
    /// part stable for the role (the assumed-role ARN has no path, so the path does not count).
    /// </summary>
    public static string AssumedRoleId(string partition, string accountId, string roleName, string sessionName) =>
        UniqueId("AROA", $"arn:{partition}:iam::{accountId}:role/{roleName}") + ":" + sessionName;

    /// <summary>
    /// GetCallerIdentity's UserId for a caller ARN: the account id for the root user, <c>AROA...:SESSION</c> for an
    /// assumed role, <c>AIDA...</c> for an IAM user, <c>ACCOUNT:NAME</c> for a federated user.
    /// </summary>
    public static string UserId(string callerArn, string accountId, string accessKeyId)
    {
        var parts = callerArn.Split(':', 6);
        if (parts.Length != 6)
        {
            return accessKeyId;
        }
        var resource = parts[5];
        if (resource == "root")
        {
            return accountId;
        }
        if (resource.StartsWith("assumed-role/", StringComparison.Ordinal) && resource.Split('/') is [_, var role, var session])
        {
            return AssumedRoleId(parts[1], accountId, role, session);
        }
        if (resource.StartsWith("user/", StringComparison.Ordinal))
        {
            return UniqueId("AIDA", callerArn);
        }
        if (resource.StartsWith("federated-user/", StringComparison.Ordinal))
        {
            return accountId + ":" + resource["federated-user/".Length..];
        }
        return accessKeyId;
    }

    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):iam::(?<account>[0-9]{12}):role/(?:[\x21-\x2E\x30-\x7E]+/)*(?<name>[A-Za-z0-9_+=,.@-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();
}
