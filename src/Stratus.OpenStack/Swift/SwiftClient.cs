using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.OpenStack.Auth;
using Stratus.Protocols;

namespace Stratus.OpenStack.Swift;

/// <summary>
/// Swift beyond single calls: large-object upload in parallel segments, dynamic manifests, bulk delete, temporary
/// URLs. Every plain operation (<c>GetAccount</c>, <c>PutObject</c>, ...) is called on <see cref="Service"/>, the
/// generic client over the <c>swift</c> service description. Thread-safe; meant to be shared.
/// </summary>
public sealed class SwiftClient : IDisposable
{
    private readonly Uri? _endpoint;
    private readonly TimeProvider _clock;
    private string? _tempUrlKey;

    /// <summary>Creates a client for a provider (its credentials and shared login).</summary>
    /// <param name="provider">The provider; default one reading the environment's <c>OS_*</c> / <c>ST_*</c> variables.</param>
    /// <param name="options">Client options (retries, timeouts, transport, an endpoint that replaces the storage URL).</param>
    public SwiftClient(OpenStackProvider? provider = null, ClientOptions? options = null)
    {
        Provider = provider ?? new OpenStackProvider();
        options ??= new ClientOptions();
        options.Provider = Provider;
        _endpoint = options.EndpointUrl;
        _clock = options.Clock;
        Service = new ServiceClient("swift", options);
    }

    /// <summary>Creates a client that logs in with these credentials.</summary>
    public SwiftClient(OpenStackCredentials credentials, ClientOptions? options = null)
        : this(new OpenStackProvider(credentials), options)
    {
    }

    /// <summary>The provider (its authenticator holds the token).</summary>
    public OpenStackProvider Provider { get; }

    /// <summary>The generic client: <c>Service.CallAsync("PutObject", ...)</c>.</summary>
    public ServiceClient Service { get; }

    /// <summary>The account's storage URL (logs in when needed).</summary>
    public async Task<Uri> GetStorageUrlAsync(CancellationToken cancellationToken = default) =>
        _endpoint ?? (await Provider.Authenticator.GetTokenAsync(cancellationToken).ConfigureAwait(false)).StorageUrl;

    /// <summary>
    /// Stores content: in one request when it fits one segment, else as a static large object whose segments go up
    /// in parallel (the stream may be non-seekable and of unknown length).
    /// </summary>
    public Task<SwiftUploadResult> UploadAsync(string container, string key, Stream content, SwiftUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(content);
        return SwiftLargeObjectUpload.UploadAsync(Service, container, key, content, options ?? new SwiftUploadOptions(), cancellationToken);
    }

    /// <summary>
    /// Creates a dynamic large object: a manifest whose content is, when read, every object of
    /// <paramref name="segmentContainer"/> whose name starts with <paramref name="segmentPrefix"/>, in name order.
    /// </summary>
    public Task<JsonObject> CreateDynamicManifestAsync(string container, string key, string segmentContainer, string segmentPrefix,
        string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(segmentContainer);
        ArgumentNullException.ThrowIfNull(segmentPrefix);
        var input = new JsonObject
        {
            ["Container"] = container,
            ["Key"] = key,
            ["ObjectManifest"] = Uri.EscapeDataString(segmentContainer) + "/" + SwiftPaths.EncodeKey(segmentPrefix),
            ["ContentType"] = contentType ?? "application/octet-stream",
        };
        return Service.CallAsync("PutObject", input, cancellationToken);
    }

    /// <summary>Deletes many objects, up to 10,000 per request; missing ones count as not found, not as errors.</summary>
    public Task<SwiftBulkDeleteResult> BulkDeleteAsync(IEnumerable<(string Container, string Key)> objects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        return SwiftBulkDelete.DeleteAsync(Service, objects, cancellationToken);
    }

    /// <summary>Sets the account's temporary-URL key (<c>X-Account-Meta-Temp-URL-Key</c>); URLs signed with the old key stop working.</summary>
    public async Task SetTempUrlKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await Service.CallAsync("PostAccount", new JsonObject { ["TempUrlKey"] = key }, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _tempUrlKey, key);
    }

    /// <summary>The account's temporary-URL key, read once from the account's metadata (null when none is set).</summary>
    public string? GetTempUrlKey(bool refresh = false)
    {
        if (!refresh && Volatile.Read(ref _tempUrlKey) is { } known)
        {
            return known;
        }
        var key = TempUrlKeyOf(Service.Call("HeadAccount"));
        Volatile.Write(ref _tempUrlKey, key);
        return key;
    }

    /// <summary>A temporary URL for an object, signed with <paramref name="tempUrlKey"/> or the account's key.</summary>
    /// <exception cref="InvalidOperationException">The account has no temporary-URL key (see <see cref="SetTempUrlKeyAsync"/>).</exception>
    public Uri GetTempUrl(string container, string key, HttpMethod method, TimeSpan expiresIn, string? tempUrlKey = null)
    {
        var secret = tempUrlKey ?? GetTempUrlKey()
            ?? throw new InvalidOperationException("swift: the account has no temporary-URL key (X-Account-Meta-Temp-URL-Key); set one with SetTempUrlKeyAsync.");
        var storage = _endpoint ?? Provider.Authenticator.GetToken().StorageUrl;
        return SwiftTempUrl.Create(storage, container, key, method, _clock.GetUtcNow() + expiresIn, secret);
    }

    private static string? TempUrlKeyOf(JsonObject account)
    {
        if (account["Metadata"] is JsonObject metadata)
        {
            foreach (var (name, value) in metadata)
            {
                if (string.Equals(name, "Temp-URL-Key", StringComparison.OrdinalIgnoreCase) && NativeValues.TryGetString(value, out var text) && text.Length > 0)
                {
                    return text;
                }
            }
        }
        return null;
    }

    /// <inheritdoc />
    public void Dispose() => Service.Dispose();

    /// <summary>Shows the provider (never secrets).</summary>
    public override string ToString() => $"SwiftClient {{ {Provider} }}";
}
