using Stratus.Models;
using Stratus.Protocols;

namespace Stratus.Providers;

/// <summary>
/// One client's link to its provider: its endpoint, the authentication of each request, a refresh after the
/// server refused it, and the reading of error responses. Methods take <c>async</c>: when false they must complete
/// synchronously (the client's synchronous calls run the same code path with no sync-over-async).
/// Implementations are shared by concurrent calls and must be thread-safe.
/// </summary>
public abstract class ProviderBinding
{
    /// <summary>
    /// The base URL of the service (scheme, host, base path; the operation's path is appended). May log in first
    /// (for example OpenStack Swift takes its storage URL from the token's service catalog).
    /// </summary>
    public abstract ValueTask<Uri> ResolveEndpointAsync(bool async, CancellationToken cancellationToken);

    /// <summary>Authenticates a request that is ready to send: adds headers (or query parameters) to it.</summary>
    public abstract ValueTask SignAsync(HttpRequestMessage request, SigningContext context, bool async, CancellationToken cancellationToken);

    /// <summary>
    /// Called when the server answered 401: drop cached tokens and return true to have the request built, signed and
    /// sent once more at once (it is, when its body can be sent again). Default: false.
    /// </summary>
    public virtual ValueTask<bool> RefreshAsync(bool async, CancellationToken cancellationToken) => new(false);

    /// <summary>
    /// Reads an error response the provider's own way; null leaves it to the service's protocol
    /// (for example an XML <c>&lt;Error&gt;&lt;Code&gt;</c> document). Default: null.
    /// </summary>
    public virtual ParsedError? ReadError(OperationModel operation, RawResponse response) => null;

    /// <summary>The request id of a response (for errors and <c>ResponseMetadata</c>), or null. Default: none.</summary>
    public virtual string? RequestId(RawResponse response) => null;
}
