using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Stratus.Models;
using Stratus.Protocols;
using Stratus.Signing;

namespace Stratus.Client;

public sealed partial class ServiceClient
{
    private async ValueTask<AttemptOutcome> AttemptAsync(OperationModel operation, SerializedRequest serialized, ResolvedEndpoint endpoint, bool async, CancellationToken cancellationToken)
    {
        // One source bounds the attempt: the call's timeout, cut to the read timeout while the headers are awaited.
        var started = Stopwatch.GetTimestamp();
        var timeout = AttemptTimeout.Rent(cancellationToken);
        var keepOpen = false;
        try
        {
            timeout.CancelAfter(_options.Timeout);
            var ct = timeout.Token;
            var readBound = false;
            HttpResponseMessage response;
            using (var request = BuildRequest(serialized, endpoint, _options.Connection.EnableHttp2))
            {
                try
                {
                    await SignAsync(operation, request, serialized, endpoint, async, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
                {
                    return Failed(operation, ClientErrorKind.Credentials, $"signing failed: {e.Message}", e, transport: false);
                }
                WireLog.Request(_logger, request);
                // The invoker returns once the headers are in, so the read timeout bounds the wait for them: when it ends
                // before the call's, the source is cut to it for the send and set back to the call's remaining time after.
                var readTimeout = _options.Connection.ReadTimeout;
                var remaining = Remaining(_options.Timeout, started);
                readBound = readTimeout != Timeout.InfiniteTimeSpan && (remaining == Timeout.InfiniteTimeSpan || readTimeout < remaining);
                if (readBound)
                {
                    timeout.CancelAfter(readTimeout);
                }
                try
                {
                    response = async ? await _invoker.SendAsync(request, ct).ConfigureAwait(false) : _invoker.Send(request, ct);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var limit = readBound ? readTimeout : _options.Timeout;
                    return Failed(operation, ClientErrorKind.Transport, $"no response within {limit.TotalSeconds:0.#} s from {endpoint.Url.Authority}", null, transport: true);
                }
                catch (HttpRequestException e)
                {
                    return Failed(operation, ClientErrorKind.Transport, e.Message, e, transport: true);
                }
                catch (IOException e)
                {
                    // A replaced transport may fail with I/O errors of its own. Anything else it throws (a test
                    // transport's assertion, such as the Stubber's) is left to reach the test as it is.
                    return Failed(operation, ClientErrorKind.Transport, e.Message, e, transport: true);
                }
            }
            if (readBound)
            {
                timeout.CancelAfter(Remaining(_options.Timeout, started));
            }
            WireLog.Response(_logger, response);
            var ok = (int)response.StatusCode < 300;
            var streaming = ok && operation.StreamingOutput is not null;
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
                // S3 may answer 200 and still fail (CompleteMultipartUpload, CopyObject): the body is an <Error>.
                if (!ok || (!streaming && _protocol is Stratus.Protocols.RestXml.RestXmlProtocol && Stratus.Protocols.RestXml.RestXmlProtocol.IsErrorBody(raw)))
                {
                    var error = Error(operation, raw);
                    return new AttemptOutcome(operation.Name, null, error, raw.StatusCode)
                    {
                        ServerDate = serverDate,
                        RetryAfter = retryAfter,
                        RequestId = (error as ServiceException)?.RequestId ?? RequestId(raw),
                        BytesReceived = BodySize(raw, response),
                    };
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
                AddMetadata(result, raw, _binding);
                keepOpen = streaming;
                return new AttemptOutcome(operation.Name, result, null, raw.StatusCode)
                {
                    RequestId = result["ResponseMetadata"]?["RequestId"] is JsonValue id && id.TryGetValue<string>(out var requestId) ? requestId : null,
                    BytesReceived = BodySize(raw, response),
                };
            }
            finally
            {
                if (!keepOpen)
                {
                    response.Dispose();
                }
            }
        }
        finally
        {
            // A source something may still watch (a streaming body handed to the caller) is not reused.
            AttemptTimeout.Return(timeout, reusable: !keepOpen);
        }
    }

    // What is left of a timeout after the time since started (infinite stays infinite; never below zero).
    private static TimeSpan Remaining(TimeSpan timeout, long started)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return timeout;
        }
        var left = timeout - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static long BodySize(RawResponse raw, HttpResponseMessage response) =>
        raw.BodyStream is null ? raw.Body.Length : response.Content.Headers.ContentLength ?? 0;

    private AttemptOutcome Failed(OperationModel operation, ClientErrorKind kind, string message, Exception? inner, bool transport) =>
        new(operation.Name, null, new ClientException(kind, $"{Model.Name}.{operation.Name}: {message}", inner) { Service = Model.Name, Operation = operation.Name }, 0)
        {
            TransportFailure = transport,
        };

    private async ValueTask SignAsync(OperationModel operation, HttpRequestMessage request, SerializedRequest serialized, ResolvedEndpoint endpoint, bool async, CancellationToken ct)
    {
        if (_binding is not null)
        {
            if (!_options.Unsigned)
            {
                var now = _options.Clock.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
                await _binding.SignAsync(request, new Stratus.Providers.SigningContext(Model, operation, now), async, ct).ConfigureAwait(false);
            }
            return;
        }
        if (_credentials is null || endpoint.Scheme == "none" || operation.AuthType == "none" || operation.Facts.NoAuth)
        {
            return;
        }
        var credentials = await ResolveCredentialsAsync(_credentials, operation, async, ct).ConfigureAwait(false);
        var time = _options.Clock.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _clockSkewTicks));
        if (UseS3SigV2)
        {
            // ClientOptions.SignatureVersion = "s3v2" (S3 only, path style: the URI path is the resource).
            // SigV2 signs headers only, so the body is not hashed.
            S3SigV2Signer.Sign(request, credentials, time);
            return;
        }
        var s3 = Model.Metadata.SignatureVersion is "s3" or "s3v4" || Model.Metadata.SigningName == "s3";
        string payloadHash;
        if (serialized.BodyStream is { } stream)
        {
            // Over TLS, S3 takes an unsigned payload (TLS protects it), which saves reading a large body twice.
            payloadHash = !stream.CanSeek || (s3 && endpoint.Url.Scheme == Uri.UriSchemeHttps) ? PayloadHash.Unsigned
                : async ? await PayloadHash.ComputeAsync(stream, ct).ConfigureAwait(false) : PayloadHash.Compute(stream);
        }
        else
        {
            payloadHash = operation.AuthType == "v4-unsigned-body" && s3 ? PayloadHash.Unsigned : PayloadHash.Compute(serialized.Body);
        }
        var signing = new SigV4Options
        {
            Region = endpoint.SigningRegion,
            Service = endpoint.SigningName,
            Time = time,
            PayloadHash = payloadHash,
            S3Variant = s3,
            DoubleEncodePath = !(s3 || endpoint.DisableDoubleEncoding),
            NormalizePath = !(s3 || endpoint.DisableDoubleEncoding),
        };
        if (endpoint.Scheme == "sigv4a")
        {
            SigV4aSigner.Sign(request, credentials, signing);
        }
        else
        {
            SigV4Signer.Sign(request, credentials, signing);
        }
    }

    // The shared instance of a standard method (HttpMethod.Parse ignores case: taken only when the spelling is the same).
    private static HttpMethod Method(string method) =>
        HttpMethod.Parse(method) is var known && string.Equals(known.Method, method, StringComparison.Ordinal) ? known : new HttpMethod(method);

    internal static HttpRequestMessage BuildRequest(SerializedRequest serialized, ResolvedEndpoint endpoint, bool http2)
    {
        var text = serialized.HostPrefix is { } hostPrefix
            ? endpoint.SchemePart + hostPrefix + endpoint.AuthorityAndBasePath + serialized.PathAndQuery
            : endpoint.Prefix + serialized.PathAndQuery;
        // The path is sent exactly as the protocol encoded it (Uri must not re-encode or unescape it).
        var uri = new Uri(text, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(Method(serialized.Method), uri);
        if (http2 && uri.Scheme == Uri.UriSchemeHttps)
        {
            // HTTP/2 when the server offers it in the TLS handshake (ALPN), else HTTP/1.1.
            request.Version = System.Net.HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        }
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
        foreach (var (name, values) in endpoint.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, values);
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
