using Stratus.Credentials;

namespace Stratus.Signing;

/// <summary>Bearer-token authentication (<c>Authorization: Bearer token</c>), for services whose model says <c>smithy.api#httpBearerAuth</c>.</summary>
public static class BearerTokenSigner
{
    /// <summary>Sets the Authorization header of a request.</summary>
    public static void Sign(SigningRequest request, BearerToken token)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(token);
        request.Headers["Authorization"] = "Bearer " + token.Token;
    }

    /// <summary>Sets the Authorization header of a message.</summary>
    public static void Sign(HttpRequestMessage message, BearerToken token)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(token);
        message.Headers.Remove("Authorization");
        message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token.Token);
    }
}
