using System.Text.Json.Nodes;
using Stratus.Client;

namespace Stratus.Credentials;

/// <summary>
/// Calls STS (AssumeRole, AssumeRoleWithWebIdentity) through an ordinary <see cref="ServiceClient"/> on the
/// same sync or async path, and reads the temporary credentials from its result.
/// </summary>
internal static class StsCredentials
{
    /// <param name="operation">The STS operation.</param>
    /// <param name="input">The operation's input.</param>
    /// <param name="signWith">The credentials that sign the call, or null for an unsigned call.</param>
    /// <param name="options">Region, endpoint, transport, clock and timeout.</param>
    /// <param name="profile">The profile whose region and endpoint_url apply, if any.</param>
    /// <param name="label">What the caller is, for messages.</param>
    /// <param name="async">Whether to call asynchronously.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ClientException">The call failed or its result holds no credentials.</exception>
    public static async ValueTask<AwsCredentials> CallAsync(string operation, JsonObject input, AwsCredentials? signWith, CredentialsOptions options,
        ProfileSettings? profile, string label, bool async, CancellationToken cancellationToken)
    {
        var region = options.StsRegion ?? profile?.Region ?? Env.Get("AWS_REGION") ?? Env.Get("AWS_DEFAULT_REGION") ?? "us-east-1";
        var endpoint = options.StsEndpoint ?? Url("AWS_ENDPOINT_URL_STS") ?? Url("AWS_ENDPOINT_URL") ?? profile?.EndpointUrl;
        ServiceClient client;
        try
        {
            client = Aws.Connect("sts", new ClientOptions
            {
                Region = region,
                EndpointUrl = endpoint,
                Credentials = signWith,
                Unsigned = signWith is null,
                Transport = options.StsTransport,
                Clock = options.Clock,
                Timeout = options.StsTimeout,
            });
        }
        catch (ClientException e)
        {
            throw new ClientException(ClientErrorKind.Credentials, $"{label}: STS cannot be called: {e.Message}", e);
        }
        using (client)
        {
            JsonObject result;
            try
            {
                result = async
                    ? await client.CallAsync(operation, input, cancellationToken).ConfigureAwait(false)
                    : client.Call(operation, input, cancellationToken);
            }
            catch (StratusException e)
            {
                throw new ClientException(ClientErrorKind.Credentials, $"{label}: {e.Message}", e);
            }
            return Read(result) ?? throw new ClientException(ClientErrorKind.Credentials, $"{label}: the STS {operation} result holds no credentials.");
        }
    }

    /// <summary>The default role session name, as botocore makes it (with our name).</summary>
    public static string SessionName(TimeProvider clock) => $"stratus-session-{clock.GetUtcNow().ToUnixTimeSeconds()}";

    private static AwsCredentials? Read(JsonObject result)
    {
        if (result["Credentials"] is not JsonObject credentials
            || Text(credentials["AccessKeyId"]) is not { } id || Text(credentials["SecretAccessKey"]) is not { } secret)
        {
            return null;
        }
        return new AwsCredentials(id, secret, Text(credentials["SessionToken"]), Time(credentials["Expiration"]));
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is not JsonValue value ? null
        : value.TryGetValue<DateTimeOffset>(out var time) ? time
        : value.TryGetValue<string>(out var text) ? Env.ParseTime(text)
        : null;

    private static Uri? Url(string variable) =>
        Env.Get(variable) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
