using System.Text.Json.Nodes;
using Stratus.Models;
using Stratus.Protocols.Server;

namespace Stratus.Testing.Mock;

public sealed partial class MockCloud
{
    /// <summary>
    /// Answers one request: route it to a service, authenticate it, read its input with the service's
    /// protocol, call the service, and write its output or error as AWS would. Never throws for a bad
    /// request: every failure becomes the error response AWS would send.
    /// </summary>
    /// <param name="request">The request; its body may be a stream (<see cref="ServerRequest.BodyStream"/>), read only as far as needed.</param>
    /// <param name="baseUrl">The URL the client reached the cloud at (for URLs in results).</param>
    /// <param name="cancellationToken">Cancels the call (for example when the client goes away).</param>
    public async ValueTask<ServerResponse> HandleAsync(ServerRequest request, Uri baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var requestId = Guid.NewGuid().ToString();
        ServiceModel? model = null;
        IServerProtocol? protocol = null;
        OperationModel? operation = null;
        try
        {
            var buffered = await BufferFormBodyAsync(request, cancellationToken).ConfigureAwait(false);
            var (name, scopeRegion) = _router.Route(buffered, () => ServiceRouter.Action(buffered, buffered.Body));
            if (name is null || !_router.TryGet(name, out var service, out model))
            {
                return Plain(400, "UnknownService", "The Stratus mock cloud could not tell which service this request is for.", requestId);
            }
            string? virtualHostBucket = null;
            if (model.Name == "s3")
            {
                buffered = S3Addressing.ToPathStyle(buffered, out virtualHostBucket);
            }
            protocol = ChooseProtocol(model, buffered);
            if (!model.Metadata.Protocols.Contains(protocol.Name) && Options.Models.ProtocolsOf(model.Name).Contains(protocol.Name))
            {
                // An older client speaks a protocol the service left (SQS over query): read and write it with
                // that protocol's model, whose shapes carry its wire names; the operations are the same.
                model = Options.Models.LoadService(model.Name, protocol.Name);
            }
            operation = protocol.FindOperation(model, buffered);
            if (operation is null)
            {
                var code = protocol.Name is "query" or "ec2" ? "InvalidAction" : protocol.Name == "rest-xml" ? "MethodNotAllowed" : "UnknownOperationException";
                var message = code == "InvalidAction" && ServiceRouter.Action(buffered, buffered.Body) is { } action
                    ? $"The action {action} is not valid for this web service."
                    : "The action or operation requested is not valid.";
                return Error(protocol, model, null, new ServiceError(code, message, code == "MethodNotAllowed" ? 405 : 400), requestId);
            }
            if (operation.StreamingInput is null)
            {
                buffered = await BufferBodyAsync(buffered, cancellationToken).ConfigureAwait(false);
            }
            var auth = Authenticate(buffered, model, protocol, operation, scopeRegion, virtualHostBucket);
            if (auth.Error is { } authError)
            {
                return Error(protocol, model, operation, authError, requestId);
            }
            var input = protocol.ParseRequest(operation, auth.Request);
            var context = new MockCallContext(auth.Account, auth.Region ?? Options.DefaultRegion, auth.Request, model, baseUrl, Blobs, Options.Clock)
            {
                Accounts = Accounts,
            };
            var output = await service.InvokeAsync(context, operation, input, cancellationToken).ConfigureAwait(false);
            SaveIfChanged(service);
            var response = protocol.SerializeResponse(operation, output);
            // A ranged read answers 206; the model has no member for that status.
            if (response.StatusCode == 200 && output["ContentRange"] is not null && model.Name == "s3")
            {
                response.StatusCode = 206;
            }
            Stamp(response, requestId);
            return response;
        }
        catch (MockServiceException e) when (protocol is not null && model is not null)
        {
            if (_router.TryGet(model.Name, out var service, out _))
            {
                SaveIfChanged(service);
            }
            return Error(protocol, model, operation, e.Error, requestId);
        }
        catch (ProtocolReadException e) when (protocol is not null && model is not null)
        {
            return Error(protocol, model, operation, new ServiceError(e.Code, e.Message, 400), requestId);
        }
        catch (RequestTooLargeException e)
        {
            return protocol is not null && model is not null
                ? Error(protocol, model, operation, new ServiceError(e.Code, e.Message, 413), requestId)
                : Plain(413, e.Code, e.Message, requestId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (protocol is not null && model is not null)
        {
            // A bug in a mocked service must not take the server down; the client sees a 500 naming it.
            return Error(protocol, model, operation, new ServiceError("InternalError", $"The Stratus mock cloud failed: {e.GetType().Name}: {e.Message}", 500, SenderFault: false), requestId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Plain(500, "InternalError", $"The Stratus mock cloud failed: {e.GetType().Name}: {e.Message}", requestId);
        }
    }

    internal static IServerProtocol ChooseProtocol(ServiceModel model, ServerRequest request)
    {
        var contentType = request.Header("Content-Type") ?? "";
        var names = model.Metadata.Protocols.Count > 0 ? model.Metadata.Protocols : [model.Metadata.Protocol];
        // A service spoken over several protocols (SQS: JSON today, query by older clients): the request says which.
        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) || request.QueryValue("Action") is not null)
        {
            if (ServerProtocolRegistry.IsSupported("query") && !names.Contains("ec2"))
            {
                return ServerProtocolRegistry.Create("query", model.Metadata);
            }
        }
        if (contentType.StartsWith("application/cbor", StringComparison.OrdinalIgnoreCase) && ServerProtocolRegistry.IsSupported("smithy-rpc-v2-cbor"))
        {
            return ServerProtocolRegistry.Create("smithy-rpc-v2-cbor", model.Metadata);
        }
        foreach (var name in names)
        {
            if (ServerProtocolRegistry.IsSupported(name))
            {
                return ServerProtocolRegistry.Create(name, model.Metadata);
            }
        }
        throw new NotSupportedException($"No server side for {string.Join(", ", names)}.");
    }

    private static ServerResponse Error(IServerProtocol protocol, ServiceModel model, OperationModel? operation, ServiceError error, string requestId)
    {
        var response = protocol.SerializeError(model, operation, error);
        if (error.StatusCode == 304)
        {
            // Not Modified carries no body.
            response.Body = ReadOnlyMemory<byte>.Empty;
            response.Headers.Remove("Content-Type");
        }
        Stamp(response, requestId);
        return response;
    }

    private static ServerResponse Plain(int status, string code, string message, string requestId)
    {
        var response = new ServerResponse { StatusCode = status };
        response.Headers["Content-Type"] = "application/xml";
        response.Body = System.Text.Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message><RequestId>{requestId}</RequestId></Error>");
        Stamp(response, requestId);
        return response;
    }

    private static void Stamp(ServerResponse response, string requestId)
    {
        response.Headers.TryAdd("x-amzn-RequestId", requestId);
        response.Headers.TryAdd("x-amz-request-id", requestId);
        response.Headers.TryAdd("Date", DateTimeOffset.UtcNow.ToString("r", System.Globalization.CultureInfo.InvariantCulture));
    }
}
