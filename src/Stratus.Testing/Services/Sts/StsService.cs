using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sts;

/// <summary>
/// The mock cloud's AWS STS: who is calling (GetCallerIdentity), and temporary credentials (AssumeRole,
/// AssumeRoleWithWebIdentity, GetSessionToken) that are added to the cloud's accounts, so they sign requests
/// to the mock until they expire. Roles are not modeled: any well-formed role ARN may be assumed.
/// Stateless apart from the accounts it adds (they live in <see cref="MockCallContext.Accounts"/>).
/// </summary>
public sealed partial class StsService : MockService
{
    /// <summary>Creates the service.</summary>
    public StsService()
    {
        On("GetCallerIdentity", GetCallerIdentity);
        On("AssumeRole", AssumeRole);
        On("AssumeRoleWithWebIdentity", AssumeRoleWithWebIdentity);
        On("GetSessionToken", GetSessionToken);
    }

    /// <inheritdoc />
    public override string Name => "sts";

    private static JsonObject GetCallerIdentity(MockCallContext context, JsonObject input)
    {
        var caller = context.Account;
        return new JsonObject
        {
            ["UserId"] = StsIdentities.UserId(caller.CallerArn, caller.AccountId, caller.AccessKeyId),
            ["Account"] = caller.AccountId,
            ["Arn"] = caller.CallerArn,
        };
    }

    /// <summary>
    /// Temporary credentials for the caller itself. Not with session credentials; the root user's sessions
    /// last at most an hour (a longer request gets an hour, as AWS documents).
    /// </summary>
    private static JsonObject GetSessionToken(MockCallContext context, JsonObject input)
    {
        var caller = context.Account;
        if (caller.SessionToken is not null)
        {
            throw StsErrors.AccessDenied("Cannot call GetSessionToken with session credentials");
        }
        var root = caller.CallerArn.EndsWith(":root", StringComparison.Ordinal);
        var duration = StsInput.Duration(input, 900, 129_600, root ? 3600 : 43_200);
        if (root)
        {
            duration = Math.Min(duration, 3600);
        }
        return new JsonObject { ["Credentials"] = Issue(context, caller.AccountId, caller.CallerArn, duration) };
    }

    /// <summary>Makes temporary credentials, adds them to the cloud's accounts, and returns the <c>Credentials</c> structure.</summary>
    private static JsonObject Issue(MockCallContext context, string accountId, string arn, int durationSeconds)
    {
        var now = context.Now;
        var expiration = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(durationSeconds);
        var account = new MockAccount(accountId, StsIdentities.NewAccessKeyId(), StsIdentities.NewSecretAccessKey(), StsIdentities.NewSessionToken(), expiration, arn);
        context.Accounts?.Add(account);
        return new JsonObject
        {
            ["AccessKeyId"] = account.AccessKeyId,
            ["SecretAccessKey"] = account.SecretAccessKey,
            ["SessionToken"] = account.SessionToken,
            ["Expiration"] = NativeValues.Timestamp(expiration),
        };
    }
}
