using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Stratus.Credentials;
using Stratus.Endpoints;
using Stratus.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stratus.Pipeline;
using Stratus.Protocols;

namespace Stratus.Client;

/// <summary>
/// A client for one service. Every operation is the same call, parameterized by the service's model:
/// validate, serialize with the service's protocol, sign, send, parse into native data.
/// Thread-safe; meant to be shared. Sync and async calls run the same code path.
/// </summary>
public sealed partial class ServiceClient : IDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly IWireProtocol _protocol;
    private readonly ModelLoader _models;
    private readonly ClientOptions _options;
    private readonly CredentialsProvider? _credentials;
    private readonly ConcurrentDictionary<string, Paginator?> _paginators = new(StringComparer.Ordinal);
    private readonly EndpointRuleSet? _rules;
    private readonly EndpointCache? _endpoints;
    private Tuple<Uri?, ResolvedEndpoint>? _staticEndpoint;
    private readonly RetryQuota _quota;
    private readonly AdaptiveRateLimiter? _rateLimiter;
    private readonly ILogger _logger;
    private long _clockSkewTicks;
    private readonly Stratus.Providers.ProviderBinding? _binding;
    private Uri? _providerEndpoint;

    /// <summary>Creates a client for <paramref name="service"/> (its model name, for example <c>ec2</c>).</summary>
    /// <exception cref="ClientException">The service is unknown, speaks no supported protocol, or no region is known.</exception>
    public ServiceClient(string service, ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _models = options.Models ?? options.Provider?.Models ?? ModelLoader.Default;
        try
        {
            Model = options.Protocol is { } wanted && _models.ProtocolsOf(service).Contains(wanted)
                ? _models.LoadService(service, wanted)
                : _models.LoadService(service);
            _protocol = options.Protocol is { } forced ? ProtocolRegistry.Create(forced, Model.Metadata) : ProtocolRegistry.For(Model);
        }
        catch (Exception e) when (e is KeyNotFoundException or NotSupportedException)
        {
            throw new ClientException(ClientErrorKind.Unsupported, e.Message, e) { Service = service };
        }
        if (options.Provider is { } provider)
        {
            // Another cloud: its binding does what the region, credential chain and endpoint rules do for AWS.
            Region = options.Region ?? "";
            _binding = provider.Bind(Model, options);
            _providerEndpoint = options.EndpointUrl;
        }
        else
        {
            Region = options.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
                ?? ProfileRegion(options.Profile)
                ?? (options.EndpointUrl is not null ? "us-east-1" : throw new ClientException(ClientErrorKind.Endpoint,
                    $"{service}: no region is known. Set ClientOptions.Region, AWS_REGION, AWS_DEFAULT_REGION or the profile's region.") { Service = service });
            CheckSignatureVersion(options, Model);
            _rules = EndpointBinder.RuleSet(_models, Model.Name);
            _endpoints = _rules is null ? null : new EndpointCache(_rules, Model, Region);
            _credentials = options.Unsigned ? null : CredentialsFor(options, Region);
        }
        _invoker = new HttpMessageInvoker(options.Transport ?? Stratus.Transport.ConnectionPool.Get(options.Connection), disposeHandler: false);
        _quota = new RetryQuota(options.Retry.QuotaCapacity);
        _rateLimiter = options.Retry.Mode == RetryMode.Adaptive ? new AdaptiveRateLimiter(options.Clock) : null;
        _logger = options.Logger ?? NullLogger.Instance;
    }

    /// <summary>The service's model.</summary>
    public ServiceModel Model { get; }

    /// <summary>The region requests are signed for.</summary>
    public string Region { get; }

    /// <summary>The endpoint of calls that name no resource (the endpoint rules may choose another per call, for example an S3 bucket's).</summary>
    public Uri Endpoint => ResolveEndpoint(null, null).Url;

    /// <summary>The protocol the client speaks to the service.</summary>
    public string Protocol => _protocol.Name;

    /// <summary>Calls an operation by its model name (<c>DescribeKeyPairs</c>) or snake/kebab form, and returns its result as native data.</summary>
    /// <exception cref="ServiceException">The service answered with an error.</exception>
    /// <exception cref="ClientException">Bad input (nothing was sent), an unreadable response, or a transport failure.</exception>
    public Task<JsonObject> CallAsync(string operation, JsonObject? input = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(Operation(operation), input, async: true, cancellationToken).AsTask();

    /// <summary>Calls an operation synchronously; the same code path as <see cref="CallAsync"/>, with no sync-over-async.</summary>
    /// <exception cref="ServiceException">The service answered with an error.</exception>
    /// <exception cref="ClientException">Bad input (nothing was sent), an unreadable response, or a transport failure.</exception>
    public JsonObject Call(string operation, JsonObject? input = null, CancellationToken cancellationToken = default)
    {
        var task = InvokeAsync(Operation(operation), input, async: false, cancellationToken);
        // With async: false every await inside completes synchronously, so this never blocks on a pending task.
        return task.IsCompleted ? task.Result : throw new InvalidOperationException("A synchronous call did not complete synchronously.");
    }

    /// <summary>Finds an operation by name (model, snake_case or kebab-case).</summary>
    /// <exception cref="ClientException">The service has no such operation.</exception>
    public OperationModel Operation(string name) =>
        Model.TryGetOperation(name, out var op) ? op : throw new ClientException(ClientErrorKind.Unsupported,
            $"{Model.Name}: no operation '{name}'.{Suggest(name)}") { Service = Model.Name, Operation = name };

    private string Suggest(string name)
    {
        var folded = NameStyle.Fold(name);
        var close = Model.OperationNames.Where(o => NameStyle.Fold(o).Contains(folded, StringComparison.Ordinal) || folded.Contains(NameStyle.Fold(o), StringComparison.Ordinal)).Take(5).ToArray();
        return close.Length == 0 ? "" : $" Did you mean {string.Join(", ", close)}?";
    }

    private StratusException Error(OperationModel operation, RawResponse raw)
    {
        ParsedError error;
        try
        {
            error = _binding?.ReadError(operation, raw) ?? _protocol.ParseError(operation, raw);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ClientException(ClientErrorKind.UnreadableResponse,
                $"{Model.Name}.{operation.Name}: HTTP {raw.StatusCode} with an error body that could not be parsed: {e.Message}", e)
            {
                Service = Model.Name,
                Operation = operation.Name,
            };
        }
        var requestId = error.RequestId ?? RequestId(raw);
        return new ServiceException(Model.Name, operation.Name, raw.StatusCode, error.Code, error.Message, requestId, error.Document,
            ErrorClassifier.IsRetryable(raw.StatusCode, error.Code))
        {
            ErrorShape = error.Shape?.Name,
        };
    }

    private string? RequestId(RawResponse raw) => RequestId(raw, _binding);

    private static string? RequestId(RawResponse raw, Stratus.Providers.ProviderBinding? binding) =>
        binding?.RequestId(raw) ?? raw.Header("x-amzn-RequestId") ?? raw.Header("x-amz-request-id") ?? raw.Header("x-amzn-requestid");

    internal static void AddMetadata(JsonObject result, RawResponse raw, Stratus.Providers.ProviderBinding? binding = null)
    {
        var metadata = result["ResponseMetadata"] as JsonObject ?? [];
        if (metadata["RequestId"] is null && RequestId(raw, binding) is { } id)
        {
            metadata["RequestId"] = id;
        }
        // The protocol may have set it already (rest-xml does), from the same header.
        if (raw.Header("x-amz-id-2") is { } hostId && !(metadata["HostId"] is JsonValue known && known.TryGetValue<string>(out var same) && same == hostId))
        {
            metadata["HostId"] = hostId;
        }
        metadata["HTTPStatusCode"] = raw.StatusCode;
        metadata["HTTPHeaders"] = LowercaseHeaders(raw.Headers);
        result["ResponseMetadata"] = metadata;
    }

    // The response headers by lowercase name, in order.
    private static JsonObject LowercaseHeaders(IReadOnlyDictionary<string, string> headers)
    {
        if (headers is Dictionary<string, string> dictionary && ReferenceEquals(dictionary.Comparer, StringComparer.OrdinalIgnoreCase))
        {
            // Names unique but for case, so unique once lowercased: the object is built at its size in one go.
            var properties = new ObjectBuilder();
            foreach (var (k, v) in dictionary)
            {
                properties.Set(LowerHeaderName(k), JsonValue.Create(v));
            }
            return properties.ToObject();
        }
        var result = new JsonObject();
        foreach (var (k, v) in headers)
        {
            result[LowerHeaderName(k)] = v;
        }
        return result;
    }

    // Common header names come as HttpClient's own strings; their lowercase forms are kept rather than made per call.
    private static readonly System.Collections.Frozen.FrozenDictionary<string, string> LowerHeaderNames =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
        new[]
        {
            "Accept-Ranges", "Age", "Cache-Control", "Connection", "Content-Disposition", "Content-Encoding", "Content-Language",
            "Content-Length", "Content-MD5", "Content-Range", "Content-Type", "Date", "ETag", "Expires", "Keep-Alive",
            "Last-Modified", "Location", "Retry-After", "Server", "Transfer-Encoding", "Vary", "WWW-Authenticate",
        }, static n => n, static n => n.ToLowerInvariant(), StringComparer.Ordinal);

    private static string LowerHeaderName(string name) =>
        LowerHeaderNames.TryGetValue(name, out var lower) ? lower : name.ToLowerInvariant();

    /// <summary>Resolves where a call goes: the endpoint rules, or the legacy host pattern for a model without rules.</summary>
    private ResolvedEndpoint ResolveEndpoint(OperationModel? operation, JsonObject? input)
    {
        if (_binding is not null)
        {
            // A provider's endpoint is known once it has been resolved for a call (it may need a login); until then, the option's.
            return ProviderEndpoint(Volatile.Read(ref _providerEndpoint) ?? new Uri("about:blank"));
        }
        if (_endpoints is null)
        {
            // Kept while the options' endpoint stays the same (options can be changed after the client is made).
            var explicitUrl = _options.EndpointUrl;
            if (_staticEndpoint is { } known && ReferenceEquals(known.Item1, explicitUrl))
            {
                return known.Item2;
            }
            var prefix = string.IsNullOrEmpty(Model.Metadata.EndpointPrefix) ? Model.Name : Model.Metadata.EndpointPrefix;
            var url = explicitUrl ?? new Uri($"https://{prefix}.{Region}.amazonaws.com");
            var resolved = new ResolvedEndpoint(url, Model.Metadata.SigningName, Region, "sigv4", false, new Dictionary<string, IReadOnlyList<string>>());
            _staticEndpoint = Tuple.Create(explicitUrl, resolved);
            return resolved;
        }
        try
        {
            return _endpoints.Resolve(_options, operation, input);
        }
        catch (EndpointResolutionException e)
        {
            throw new ClientException(ClientErrorKind.Endpoint, $"{Model.Name}{(operation is null ? "" : "." + operation.Name)}: no endpoint: {e.Message}", e)
            {
                Service = Model.Name,
                Operation = operation?.Name,
            };
        }
    }

    private ResolvedEndpoint ProviderEndpoint(Uri url) =>
        new(url, Model.Metadata.SigningName, Region, "provider", true, new Dictionary<string, IReadOnlyList<string>>());

    private async ValueTask<ResolvedEndpoint> ResolveProviderEndpointAsync(OperationModel operation, bool async, CancellationToken cancellationToken)
    {
        Uri url;
        try
        {
            url = _options.EndpointUrl ?? await _binding!.ResolveEndpointAsync(async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or StratusException))
        {
            throw new ClientException(ClientErrorKind.Endpoint, $"{Model.Name}.{operation.Name}: no endpoint: {e.Message}", e)
            {
                Service = Model.Name,
                Operation = operation.Name,
            };
        }
        Volatile.Write(ref _providerEndpoint, url);
        return ProviderEndpoint(url);
    }

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();

    /// <summary>Shows the service, region and endpoint; never credentials.</summary>
    public override string ToString() => $"ServiceClient {{ Service = {Model.Name}, Region = {Region}, Endpoint = {Endpoint} }}";
}
