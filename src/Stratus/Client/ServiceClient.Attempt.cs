using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Signing;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    private async ValueTask<AttemptOutcome> AttemptAsync(OperationModel operation, SerializedRequest serialized, bool async, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var ct = timeout.Token;
        HttpResponseMessage response;
        using (var request = BuildRequest(serialized))
        {
            try
            {
                await SignAsync(operation, request, serialized, async, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
            {
                return Failed(operation, ClientErrorKind.Credentials, $"signing failed: {e.Message}", e, transport: false);
            }
            WireLog.Request(_logger, request);
            try
            {
                response = async ? await _invoker.SendAsync(request, ct).ConfigureAwait(false) : _invoker.Send(request, ct);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(operation, ClientErrorKind.Transport, $"no response within {_options.Timeout.TotalSeconds:0.#} s from {Endpoint.Authority}", null, transport: true);
            }
            catch (HttpRequestException e)
            {
                return Failed(operation, ClientErrorKind.Transport, e.Message, e, transport: true);
            }
        }
        WireLog.Response(_logger, response);
        var ok = (int)response.StatusCode < 300;
        var streaming = ok && operation.StreamingOutput is not null;
        var keepOpen = false;
        try
        {
            RawResponse raw;
            try
            {
                raw = await ResponseReader.ReadAsync(response, streaming, async, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(operation, ClientErrorKind.Transport, $"the response was not read within {_options.Timeout.TotalSeconds:0.#} s", null, transport: true);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return Failed(operation, ClientErrorKind.Transport, $"reading the response failed: {e.Message}", e, transport: true);
            }
            var serverDate = response.Headers.Date;
            var retryAfter = response.Headers.RetryAfter is { } ra
                ? ra.Delta ?? (ra.Date is { } d ? d - _options.Clock.GetUtcNow() : null)
                : null;
            if (!ok)
            {
                return new AttemptOutcome(operation.Name, null, Error(operation, raw), raw.StatusCode) { ServerDate = serverDate, RetryAfter = retryAfter };
            }
            JsonObject result;
            try
            {
                result = _protocol.ParseResponse(operation, raw);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Failed(operation, ClientErrorKind.UnreadableResponse, $"the response could not be parsed: {e.Message}", e, transport: false);
            }
            AddMetadata(result, raw);
            keepOpen = streaming;
            return new AttemptOutcome(operation.Name, result, null, raw.StatusCode);
        }
        finally
        {
            if (!keepOpen)
            {
                response.Dispose();
            }
        }
    }

    private AttemptOutcome Failed(OperationModel operation, ClientErrorKind kind, string message, Exception? inner, bool transport) =>
        new(operation.Name, null, new ClientException(kind, $"{Model.Name}.{operation.Name}: {message}", inner) { Service = Model.Name, Operation = operation.Name }, 0)
        {
            TransportFailure = transport,
        };

    private async ValueTask SignAsync(OperationModel operation, HttpRequestMessage request, SerializedRequest serialized, bool async, CancellationToken ct)
    {
        if (_credentials is null || operation.AuthType == "none" || (operation.Auth.Count > 0 && operation.Auth.All(a => a == "smithy.api#noAuth")))
        {
            return;
        }
        var credentials = await ResolveCredentialsAsync(_credentials, operation, async, ct).ConfigureAwait(false);
        var s3 = Model.Metadata.SignatureVersion is "s3" or "s3v4" || Model.Metadata.SigningName == "s3";
        string payloadHash;
        if (serialized.BodyStream is { } stream)
        {
            payloadHash = !stream.CanSeek ? PayloadHash.Unsigned
                : async ? await PayloadHash.ComputeAsync(stream, ct).ConfigureAwait(false) : PayloadHash.Compute(stream);
        }
        else
        {
            payloadHash = operation.AuthType == "v4-unsigned-body" && s3 ? PayloadHash.Unsigned : PayloadHash.Compute(serialized.Body);
        }
        var time = _options.Clock.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
        SigV4Signer.Sign(request, credentials, new SigV4Options
        {
            Region = Region,
            Service = Model.Metadata.SigningName,
            Time = time,
            PayloadHash = payloadHash,
            S3Variant = s3,
        });
    }

    private HttpRequestMessage BuildRequest(SerializedRequest serialized)
    {
        var basePath = Endpoint.AbsolutePath.TrimEnd('/');
        var authority = Endpoint.GetLeftPart(UriPartial.Scheme) + (serialized.HostPrefix ?? "") + Endpoint.Authority;
        // The path is sent exactly as the protocol encoded it (Uri must not re-encode or unescape it).
        var uri = new Uri(authority + basePath + serialized.PathAndQuery, UriKind.Absolute);
        var request = new HttpRequestMessage(new HttpMethod(serialized.Method), uri);
        if (serialized.BodyStream is { } stream)
        {
            request.Content = new StreamContent(new NonDisposingStream(stream));
            if (stream.CanSeek)
            {
                request.Content.Headers.ContentLength = stream.Length - stream.Position;
            }
        }
        else if (!serialized.Body.IsEmpty || serialized.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new ReadOnlyMemoryContent(serialized.Body);
        }
        foreach (var (name, value) in serialized.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }
}
