using Stratus.Models;
using Stratus.OpenStack.Auth;
using Stratus.Protocols;
using Stratus.Providers;

namespace Stratus.OpenStack.Swift;

/// <summary>
/// A Swift client's link to OpenStack: the endpoint is the token's storage URL, each request carries
/// <c>X-Auth-Token</c>, a 401 drops the token for a new login, and Swift's plain-text errors are read by status.
/// </summary>
public sealed class SwiftBinding : ProviderBinding
{
    /// <summary>Creates the binding over an authenticator (shared by the provider's clients).</summary>
    public SwiftBinding(OpenStackAuthenticator authenticator) =>
        Authenticator = authenticator ?? throw new ArgumentNullException(nameof(authenticator));

    /// <summary>The authenticator that holds the token.</summary>
    public OpenStackAuthenticator Authenticator { get; }

    /// <inheritdoc />
    public override async ValueTask<Uri> ResolveEndpointAsync(bool async, CancellationToken cancellationToken) =>
        (await Authenticator.GetTokenAsync(async, cancellationToken).ConfigureAwait(false)).StorageUrl;

    /// <inheritdoc />
    public override async ValueTask SignAsync(HttpRequestMessage request, SigningContext context, bool async, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await Authenticator.GetTokenAsync(async, cancellationToken).ConfigureAwait(false);
        request.Headers.Remove("X-Auth-Token");
        request.Headers.TryAddWithoutValidation("X-Auth-Token", token.Token);
    }

    /// <inheritdoc />
    public override ValueTask<bool> RefreshAsync(bool async, CancellationToken cancellationToken) => new(Authenticator.Invalidate());

    /// <inheritdoc />
    public override ParsedError? ReadError(OperationModel operation, RawResponse response) => SwiftErrors.Read(response);

    /// <inheritdoc />
    public override string? RequestId(RawResponse response) => SwiftErrors.RequestId(response);

    /// <summary>Shows the authenticator (never secrets).</summary>
    public override string ToString() => $"SwiftBinding {{ {Authenticator} }}";
}
