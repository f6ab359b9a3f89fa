using System.Diagnostics;
using Stratus.Client;

namespace Stratus.Telemetry;

/// <summary>
/// The telemetry of one call: its span, its attempts' spans and its measurements. Created only when
/// <see cref="Instruments.Enabled"/>; the client passes null otherwise.
/// </summary>
internal sealed class CallTelemetry : IDisposable
{
    // OpenTelemetry semantic conventions (RPC, AWS SDK, HTTP, error).
    internal const string RpcSystem = "rpc.system";
    internal const string RpcService = "rpc.service";
    internal const string RpcMethod = "rpc.method";
    internal const string RequestId = "aws.request_id";
    internal const string StatusCode = "http.response.status_code";
    internal const string ServerAddress = "server.address";
    internal const string ServerPort = "server.port";
    internal const string ResendCount = "http.request.resend_count";
    internal const string ErrorType = "error.type";
    internal const string AttemptNumber = "stratus.attempt";
    internal const string RetryCount = "stratus.retry_count";

    private readonly string _service;
    private readonly string _operation;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _call;
    private int _attempts;

    private CallTelemetry(string service, string operation)
    {
        _service = service;
        _operation = operation;
        _call = Instruments.Source.StartActivity($"{service}.{operation}", ActivityKind.Client);
        if (_call is { IsAllDataRequested: true })
        {
            _call.SetTag(RpcSystem, "aws-api");
            _call.SetTag(RpcService, service);
            _call.SetTag(RpcMethod, operation);
        }
    }

    /// <summary>Starts a call's telemetry (and its span, current until disposed), or returns null when nobody listens.</summary>
    public static CallTelemetry? Start(string service, string operation) =>
        Instruments.Enabled ? new CallTelemetry(service, operation) : null;

    /// <summary>Starts an attempt's span, a child of the call's; returns it so the caller stops it with <see cref="EndAttempt"/>.</summary>
    public Activity? StartAttempt(int attempt, Uri endpoint, long bytesSent)
    {
        _attempts = attempt;
        var tags = new TagList { { RpcService, _service }, { RpcMethod, _operation } };
        if (Instruments.Attempts.Enabled)
        {
            Instruments.Attempts.Add(1, tags);
        }
        if (bytesSent > 0 && Instruments.BytesSent.Enabled)
        {
            Instruments.BytesSent.Add(bytesSent, tags);
        }
        var span = Instruments.Source.StartActivity($"{_service}.{_operation} attempt", ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(RpcSystem, "aws-api");
            span.SetTag(RpcService, _service);
            span.SetTag(RpcMethod, _operation);
            span.SetTag(AttemptNumber, attempt);
            if (attempt > 1)
            {
                span.SetTag(ResendCount, attempt - 1);
            }
            span.SetTag(ServerAddress, endpoint.Host);
            span.SetTag(ServerPort, endpoint.Port);
        }
        return span;
    }

    /// <summary>Records what an attempt got and stops its span.</summary>
    public void EndAttempt(Activity? span, AttemptOutcome outcome)
    {
        if (outcome.BytesReceived > 0 && Instruments.BytesReceived.Enabled)
        {
            Instruments.BytesReceived.Add(outcome.BytesReceived, new TagList { { RpcService, _service }, { RpcMethod, _operation } });
        }
        if (span is null)
        {
            return;
        }
        if (span.IsAllDataRequested)
        {
            if (outcome.StatusCode > 0)
            {
                span.SetTag(StatusCode, outcome.StatusCode);
            }
            if (outcome.RequestId is { } id)
            {
                span.SetTag(RequestId, id);
            }
            if (outcome.Error is { } error)
            {
                span.SetTag(ErrorType, ErrorTypeOf(error));
                span.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }
        span.Stop();
    }

    /// <summary>Records a call's success (with its request id).</summary>
    public void Succeeded(string? requestId)
    {
        Record(null);
        if (_call is { IsAllDataRequested: true } && requestId is not null)
        {
            _call.SetTag(RequestId, requestId);
        }
    }

    /// <summary>Records a call's failure; returns false, to be used as an exception filter (the exception goes on, unwrapped).</summary>
    public bool Failed(Exception error)
    {
        Record(error);
        return false;
    }

    private void Record(Exception? error)
    {
        var type = error is null ? null : ErrorTypeOf(error);
        if (Instruments.CallDuration.Enabled || (error is not null && Instruments.Errors.Enabled))
        {
            var tags = new TagList { { RpcService, _service }, { RpcMethod, _operation } };
            if (type is not null)
            {
                tags.Add(ErrorType, type);
                Instruments.Errors.Add(1, tags);
            }
            Instruments.CallDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
        if (_call is not { IsAllDataRequested: true })
        {
            return;
        }
        _call.SetTag(RetryCount, Math.Max(0, _attempts - 1));
        if (error is not null)
        {
            _call.SetTag(ErrorType, type);
            if (error is ServiceException s)
            {
                _call.SetTag(StatusCode, s.StatusCode);
                if (s.RequestId is not null)
                {
                    _call.SetTag(RequestId, s.RequestId);
                }
            }
            _call.SetStatus(ActivityStatusCode.Error, error.Message);
        }
    }

    // The service's error code, or the client's error kind, or the exception's type name.
    internal static string ErrorTypeOf(Exception error) => error switch
    {
        ServiceException s => s.ErrorCode,
        ClientException c => c.Kind.ToString(),
        _ => error.GetType().FullName ?? error.GetType().Name,
    };

    /// <summary>Stops the call's span.</summary>
    public void Dispose() => _call?.Dispose();
}
