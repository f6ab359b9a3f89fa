using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stratus.Protocols;
using Stratus.Testing.Mock;

namespace Stratus.Testing.Services.Sts;

// Assuming roles: AssumeRole and AssumeRoleWithWebIdentity.
public sealed partial class StsService
{
    private const int OneHour = 3600;

    private static JsonObject AssumeRole(MockCallContext context, JsonObject input)
    {
        var (partition, accountId, roleName) = RoleOf(input);
        var session = StsInput.Checked(input, "RoleSessionName", "roleSessionName", 2, 64, "+=,.@-", required: true)!;
        var duration = StsInput.Duration(input, 900, 43_200, OneHour);
        StsInput.Checked(input, "ExternalId", "externalId", 2, 1224, "+=,.@:/-", required: false);
        var sourceIdentity = StsInput.Checked(input, "SourceIdentity", "sourceIdentity", 2, 64, "+=,.@-", required: false);
        if (context.Account.CallerArn.Contains(":assumed-role/", StringComparison.Ordinal) && duration > OneHour)
        {
            throw StsErrors.Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        var output = Assumed(context, partition, accountId, roleName, session, duration);
        if (sourceIdentity is not null)
        {
            output["SourceIdentity"] = sourceIdentity;
        }
        return output;
    }

    /// <summary>Any non-empty token is accepted; a JWT's claims (sub, aud, iss) are reported when it has them.</summary>
    private static JsonObject AssumeRoleWithWebIdentity(MockCallContext context, JsonObject input)
    {
        var (partition, accountId, roleName) = RoleOf(input);
        var session = StsInput.Checked(input, "RoleSessionName", "roleSessionName", 2, 64, "+=,.@-", required: true)!;
        var token = StsInput.Required(input, "WebIdentityToken", "webIdentityToken");
        if (token.Length is < 4 or > 20_000)
        {
            throw StsErrors.Length("webIdentityToken", token.Length > 40 ? token[..40] + "..." : token, 4, 20_000);
        }
        var duration = StsInput.Duration(input, 900, 43_200, OneHour);
        var claims = JwtClaims(token);
        var output = Assumed(context, partition, accountId, roleName, session, duration);
        output["SubjectFromWebIdentityToken"] = Claim(claims, "sub") ?? "mock-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
        var provider = Claim(claims, "iss") ?? StsInput.Optional(input, "ProviderId");
        if (provider is not null)
        {
            output["Provider"] = provider.StartsWith("https://", StringComparison.Ordinal) ? provider["https://".Length..] : provider;
        }
        if ((Claim(claims, "aud") ?? StsInput.Optional(input, "ProviderId")) is { } audience)
        {
            output["Audience"] = audience;
        }
        return output;
    }

    private static (string Partition, string AccountId, string RoleName) RoleOf(JsonObject input)
    {
        var roleArn = StsInput.Required(input, "RoleArn", "roleArn");
        if (roleArn.Length is < 20 or > 2048)
        {
            throw StsErrors.Length("roleArn", roleArn, 20, 2048);
        }
        return StsIdentities.TryParseRoleArn(roleArn, out var partition, out var accountId, out var roleName)
            ? (partition, accountId, roleName)
            : throw StsErrors.Validation($"{roleArn} is invalid");
    }

    /// <summary>Issues the role session's credentials and answers with them and the AssumedRoleUser.</summary>
    private static JsonObject Assumed(MockCallContext context, string partition, string accountId, string roleName, string session, int duration)
    {
        var arn = $"arn:{partition}:sts::{accountId}:assumed-role/{roleName}/{session}";
        return new JsonObject
        {
            ["Credentials"] = Issue(context, accountId, arn, duration),
            ["AssumedRoleUser"] = new JsonObject
            {
                ["AssumedRoleId"] = StsIdentities.AssumedRoleId(partition, accountId, roleName, session),
                ["Arn"] = arn,
            },
        };
    }

    /// <summary>The payload of a JWT (header.payload.signature, base64url), or null when the token is not one.</summary>
    private static JsonObject? JwtClaims(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        try
        {
            return JsonNode.Parse(Convert.FromBase64String(payload)) as JsonObject;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string claim (the first, when the claim is a list, as <c>aud</c> may be).</summary>
    private static string? Claim(JsonObject? claims, string name) => claims?[name] switch
    {
        JsonArray { Count: > 0 } list => NativeValues.TryGetString(list[0], out var first) ? first : null,
        var node => NativeValues.TryGetString(node, out var s) ? s : null,
    };
}
