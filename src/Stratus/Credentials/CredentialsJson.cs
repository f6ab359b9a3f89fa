using System.Globalization;
using System.Text.Json;

namespace Stratus.Credentials;

/// <summary>
/// Reads the JSON credential documents of credential processes, containers and instance metadata.
/// Error messages name keys and positions only, never values: the document holds a secret.
/// </summary>
internal static class CredentialsJson
{
    /// <exception cref="FormatException">The text is not a JSON object.</exception>
    public static JsonElement ParseObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new FormatException("the answer is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"the answer is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {e.BytePositionInLine ?? 0})"));
        }
    }

    public static string? String(JsonElement document, string name) =>
        document.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>Credentials from <c>AccessKeyId</c>, <c>SecretAccessKey</c>, the token key and <c>Expiration</c>.</summary>
    /// <exception cref="FormatException">A required key is missing, or the expiration is not a time.</exception>
    public static AwsCredentials Read(JsonElement document, string tokenKey)
    {
        var id = String(document, "AccessKeyId") ?? throw new FormatException("the answer has no AccessKeyId");
        var secret = String(document, "SecretAccessKey") ?? throw new FormatException("the answer has no SecretAccessKey");
        var expiration = String(document, "Expiration");
        var expires = Env.ParseTime(expiration);
        if (expiration is not null && expires is null)
        {
            throw new FormatException("the answer's Expiration is not an ISO 8601 time");
        }
        return new AwsCredentials(id, secret, String(document, tokenKey), expires);
    }
}
