using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Credentials;
using Stratus.Models;
using Stratus.Pipeline;
using Stratus.Protocols;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Stubbing;

/// <summary>
/// Canned answers for a client, in the spirit of botocore's Stubber: queue outputs and errors, each checked
/// against the operation's model when added; give the client <see cref="Options"/> (or <see cref="Handler"/>
/// as its transport); each call takes the next answer, first in first out. The request is read back with the
/// service's server protocol and compared with the expected parameters; the answer is written with it, so the
/// client parses it exactly as a real one. Works for every protocol whose server side is registered
/// (<see cref="ServerProtocolRegistry"/>). Thread-safe.
/// </summary>
/// <example>
/// <code>
/// using var stubber = new Stubber("dynamodb");
/// stubber.AddResponse("GetItem", new JsonObject { ["Item"] = new JsonObject { ["id"] = new JsonObject { ["S"] = "1" } } },
///     expectedParams: new JsonObject { ["TableName"] = "t", ["Key"] = Stubber.Any });
/// using var client = Aws.Connect("dynamodb", stubber.Options);
/// var item = await client.CallAsync("GetItem", new JsonObject { ["TableName"] = "t", ["Key"] = ... });
/// stubber.AssertNoPendingResponses();
/// </code>
/// </example>
public sealed partial class Stubber : IDisposable
{
    private readonly Queue<StubbedCall> _queue = new();
    private readonly Lock _gate = new();
    private readonly ModelLoader? _models;
    private bool _failed;
    private bool _disposed;

    /// <summary>Creates a stubber for a service by its model name (for example <c>dynamodb</c>).</summary>
    /// <param name="service">The service's model name.</param>
    /// <param name="models">Where its model comes from; default <see cref="ModelLoader.Default"/>. The client gets the same loader.</param>
    public Stubber(string service, ModelLoader? models = null)
        : this((models ?? ModelLoader.Default).LoadService(service), models ?? ModelLoader.Default)
    {
    }

    /// <summary>Creates a stubber for a model (give its client a <see cref="ModelLoader"/> that finds the same model).</summary>
    public Stubber(ServiceModel model)
        : this(model, null)
    {
    }

    private Stubber(ServiceModel model, ModelLoader? models)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _models = models;
        var names = model.Metadata.Protocols.Count > 0 ? model.Metadata.Protocols : [model.Metadata.Protocol];
        Protocol = names.FirstOrDefault(n => ProtocolRegistry.IsSupported(n) && ServerProtocolRegistry.IsSupported(n))
            ?? throw new NotSupportedException($"{model.Name}: no protocol of {string.Join(", ", names)} has both a client and a server side, so it cannot be stubbed.");
        Handler = new StubHandler(this);
    }

    /// <summary>A wildcard for expected parameters: matches any value (or absence), at any depth. A new node each time.</summary>
    public static JsonNode Any => AnyValue.Create();

    /// <summary>The service's model.</summary>
    public ServiceModel Model { get; }

    /// <summary>The protocol the client is told to speak (<see cref="ClientOptions.Protocol"/>): the model's first with a client and a server side.</summary>
    public string Protocol { get; }

    /// <summary>The transport answering with the queued responses; give it to any client of this service.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>
    /// New client options for this stubber: its transport, protocol and model loader, a fixed region, endpoint
    /// and dummy credentials, and no retries (a stubbed throttling error reaches the test, not a second stub).
    /// </summary>
    public ClientOptions Options => new()
    {
        Region = "us-east-1",
        EndpointUrl = new Uri("https://stubbed.stratus.localhost"),
        Credentials = new AwsCredentials("AKIDSTUBBER", "stubber-secret"),
        Transport = Handler,
        Protocol = Protocol,
        Models = _models,
        Retry = new RetryOptions { MaxAttempts = 1 },
    };

    /// <summary>How many queued responses are still waiting for their call.</summary>
    public int PendingResponses
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>When true (the default), <see cref="Dispose"/> fails if responses are left, unless the stubber already reported a failure.</summary>
    public bool VerifyOnDispose { get; set; } = true;

    /// <summary>
    /// Queues an output for the next call, which must be <paramref name="operation"/>. The output is checked
    /// against the operation's output shape now (member names and types). A <c>ResponseMetadata</c> member may
    /// give the <c>RequestId</c> and <c>HTTPHeaders</c> to answer with.
    /// </summary>
    /// <param name="operation">The operation, by model name (<c>GetItem</c>) or snake/kebab form.</param>
    /// <param name="response">The output, as the client returns it (native data keyed by member names). Copied.</param>
    /// <param name="expectedParams">The parameters the call must carry (<see cref="Any"/> matches anything); null accepts any. Copied.</param>
    /// <exception cref="StubberException">The output does not fit the model (names the operation and the member path).</exception>
    public Stubber AddResponse(string operation, JsonObject response, JsonObject? expectedParams = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var op = Operation(operation);
        var output = NodeCopy.Object(response, "ResponseMetadata");
        var problems = op.Output is { } shape
            ? ShapeValidator.Check(shape, output, constraints: false)
            : output.Count > 0 ? [$"{string.Join(", ", output.Select(p => p.Key))}: the operation returns no output"] : [];
        if (problems.Count > 0)
        {
            throw new StubberException($"{Model.Name}.{op.Name}: invalid stubbed response: {string.Join("; ", problems)}", problems);
        }
        Enqueue(new StubbedCall
        {
            Operation = op,
            Output = output,
            ExpectedParams = expectedParams is null ? null : NodeCopy.Object(expectedParams),
            Headers = MetadataHeaders(response["ResponseMetadata"] as JsonObject),
        });
        return this;
    }

    /// <summary>
    /// Queues an error for the next call, which must be <paramref name="operation"/>; the client throws it as a
    /// <see cref="ServiceException"/> with this code, as it would a real one.
    /// </summary>
    /// <param name="operation">The operation, by model name or snake/kebab form.</param>
    /// <param name="code">The error code, for example <c>ResourceNotFoundException</c>.</param>
    /// <param name="message">The error message.</param>
    /// <param name="httpStatus">The HTTP status; default the modeled error's status, else 400.</param>
    /// <param name="modeledFields">Extra members of the modeled error (checked against its shape when the code is modeled).</param>
    /// <param name="expectedParams">The parameters the call must carry; null accepts any.</param>
    /// <exception cref="StubberException">The modeled fields do not fit the error's shape.</exception>
    public Stubber AddClientError(string operation, string code, string message = "", int? httpStatus = null, JsonObject? modeledFields = null, JsonObject? expectedParams = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        var op = Operation(operation);
        var fields = modeledFields is null ? null : NodeCopy.Object(modeledFields);
        if (fields is not null && ErrorShape(op, code) is { } shape)
        {
            var problems = ShapeValidator.Check(shape, fields, constraints: false);
            if (problems.Count > 0)
            {
                throw new StubberException($"{Model.Name}.{op.Name}: invalid stubbed error {code}: {string.Join("; ", problems)}", problems);
            }
        }
        Enqueue(new StubbedCall
        {
            Operation = op,
            Error = new ServiceError(code, message, httpStatus ?? 400, fields),
            StatusCode = httpStatus,
            ExpectedParams = expectedParams is null ? null : NodeCopy.Object(expectedParams),
        });
        return this;
    }

    /// <summary>Fails if queued responses were never called for.</summary>
    /// <exception cref="StubberException">Responses are left; the message lists them.</exception>
    public void AssertNoPendingResponses()
    {
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                _failed = true;
                throw new StubberException($"{Model.Name}: {_queue.Count} stubbed response(s) were never called for: {string.Join(", ", _queue)}.");
            }
        }
    }

    /// <summary>
    /// Verifies no response is left (see <see cref="VerifyOnDispose"/>), so a <c>using</c> block fails a test
    /// that made fewer calls than it stubbed.
    /// </summary>
    /// <exception cref="StubberException">Responses are left.</exception>
#pragma warning disable CA1065 // Failing the test at the end of its using block is the point; skipped once a failure was reported.
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            if (!VerifyOnDispose || _failed)
            {
                return;
            }
        }
        AssertNoPendingResponses();
    }
#pragma warning restore CA1065

    private void Enqueue(StubbedCall call)
    {
        lock (_gate)
        {
            _queue.Enqueue(call);
        }
    }

    private OperationModel Operation(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Model.TryGetOperation(name, out var op) ? op : throw new ArgumentException($"{Model.Name} has no operation '{name}'.", nameof(name));
    }

    private Shape? ErrorShape(OperationModel operation, string code) =>
        operation.Errors.FirstOrDefault(e => e.Name == code || e.Error?.Code == code)
        ?? (Model.TryGetShape(code, out var shape) && shape.Exception ? shape : null);

    private static Dictionary<string, string> MetadataHeaders(JsonObject? metadata)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (metadata?["HTTPHeaders"] is JsonObject given)
        {
            foreach (var (name, value) in given)
            {
                if (value is not null && NativeValues.TryGetString(value, out var text))
                {
                    headers[name] = text;
                }
            }
        }
        if (metadata?["RequestId"] is { } id && NativeValues.TryGetString(id, out var requestId))
        {
            headers["x-amzn-RequestId"] = requestId;
            headers["x-amz-request-id"] = requestId;
        }
        return headers;
    }
}
