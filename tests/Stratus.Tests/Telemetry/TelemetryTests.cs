using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Stratus.Client;
using Stratus.Telemetry;
using Stratus.Testing.Mock;

namespace Stratus.Tests.Telemetry;

/// <summary>The listeners are process-wide, so these tests run alone (no other test's calls are measured).</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("Stratus.Tests.Telemetry");
    private readonly List<Activity> _spans = [];
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly MockCloud _cloud = new();

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is StratusTelemetry.ActivitySourceName or "Stratus.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (_spans)
                {
                    _spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StratusTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meterListener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (k, v) in tags)
        {
            copy[k] = v;
        }
        lock (_measurements)
        {
            _measurements.Add((instrument.Name, value, copy));
        }
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    // The spans of one test, by the test's own root span's trace.
    private List<Activity> SpansOf(Activity root)
    {
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == root.TraceId && s.Source.Name == StratusTelemetry.ActivitySourceName).ToList();
        }
    }

    private List<(double Value, Dictionary<string, object?> Tags)> Measured(string instrument, string operation)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && (string?)m.Tags["rpc.method"] == operation).Select(m => (m.Value, m.Tags)).ToList();
        }
    }

    [Fact]
    public async Task A_call_is_a_client_span_with_one_attempt_child_and_its_metrics()
    {
        using var ddb = Aws.Connect("dynamodb", _cloud.ClientOptions());
        using (var root = TestSource.StartActivity("test")!)
        {
            await ddb.CallAsync("ListTables");
            var spans = SpansOf(root);
            var call = Assert.Single(spans, s => s.ParentSpanId == root.SpanId);
            Assert.Equal($"{ddb.Model.Name}.ListTables", call.DisplayName);
            Assert.Equal(ddb.Model.Name, call.GetTagItem("rpc.service"));
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal(root.SpanId, call.ParentSpanId);
            Assert.Equal("aws-api", call.GetTagItem("rpc.system"));
            Assert.Equal("ListTables", call.GetTagItem("rpc.method"));
            Assert.Equal(ActivityStatusCode.Unset, call.Status);
            Assert.Equal(0, call.GetTagItem("stratus.retry_count"));
            var attempt = Assert.Single(spans, s => s.ParentSpanId == call.SpanId);
            Assert.Equal(1, attempt.GetTagItem("stratus.attempt"));
            Assert.Equal(200, attempt.GetTagItem("http.response.status_code"));
            Assert.Equal("mock.stratus.localhost", attempt.GetTagItem("server.address"));
            Assert.NotNull(attempt.GetTagItem("aws.request_id"));
            Assert.Equal(call.GetTagItem("aws.request_id"), attempt.GetTagItem("aws.request_id"));
            Assert.Equal(call.GetTagItem("rpc.service"), attempt.GetTagItem("rpc.service"));
        }
        var duration = Assert.Single(Measured(StratusTelemetry.CallDuration, "ListTables"));
        Assert.InRange(duration.Value, 0, 30);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.Equal(1, Assert.Single(Measured(StratusTelemetry.Attempts, "ListTables")).Value);
        Assert.Empty(Measured(StratusTelemetry.Errors, "ListTables"));
        Assert.True(Measured(StratusTelemetry.BytesSent, "ListTables").Sum(m => m.Value) > 0);
        Assert.True(Measured(StratusTelemetry.BytesReceived, "ListTables").Sum(m => m.Value) > 0);
    }

    [Fact]
    public async Task A_retried_attempt_is_a_second_child_span_and_the_failed_one_is_an_error()
    {
        var options = _cloud.ClientOptions();
        options.Transport = new FailOnce(options.Transport!);
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        using var ddb = Aws.Connect("dynamodb", options);
        using (var root = TestSource.StartActivity("test")!)
        {
            await ddb.CallAsync("ListTables");
            var spans = SpansOf(root);
            var call = Assert.Single(spans, s => s.ParentSpanId == root.SpanId);
            Assert.Equal(ActivityStatusCode.Unset, call.Status);
            Assert.Equal(1, call.GetTagItem("stratus.retry_count"));
            var attempts = spans.Where(s => s.ParentSpanId == call.SpanId).OrderBy(s => s.StartTimeUtc).ToList();
            Assert.Equal(2, attempts.Count);
            Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
            Assert.Equal("Transport", attempts[0].GetTagItem("error.type"));
            Assert.Null(attempts[0].GetTagItem("http.response.status_code"));
            Assert.Equal(2, attempts[1].GetTagItem("stratus.attempt"));
            Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
            Assert.Equal(ActivityStatusCode.Unset, attempts[1].Status);
            Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
        }
        Assert.Equal(2, Measured(StratusTelemetry.Attempts, "ListTables").Sum(m => m.Value));
        Assert.Single(Measured(StratusTelemetry.CallDuration, "ListTables"));
        Assert.Empty(Measured(StratusTelemetry.Errors, "ListTables"));
    }

    [Fact]
    public async Task A_service_error_sets_error_status_and_type_and_counts_an_error()
    {
        using var ddb = Aws.Connect("dynamodb", _cloud.ClientOptions());
        using (var root = TestSource.StartActivity("test")!)
        {
            var e = await Assert.ThrowsAsync<ServiceException>(() => ddb.CallAsync("DescribeTable", new JsonObject { ["TableName"] = "missing" }));
            var spans = SpansOf(root);
            var call = Assert.Single(spans, s => s.ParentSpanId == root.SpanId);
            Assert.Equal(ActivityStatusCode.Error, call.Status);
            Assert.Equal(e.ErrorCode, call.GetTagItem("error.type"));
            Assert.Equal(e.StatusCode, call.GetTagItem("http.response.status_code"));
            Assert.Equal(e.RequestId, call.GetTagItem("aws.request_id"));
            var attempt = Assert.Single(spans, s => s.ParentSpanId == call.SpanId);
            Assert.Equal(ActivityStatusCode.Error, attempt.Status);
            Assert.Equal(e.ErrorCode, attempt.GetTagItem("error.type"));
            Assert.Equal(400, attempt.GetTagItem("http.response.status_code"));
        }
        var error = Assert.Single(Measured(StratusTelemetry.Errors, "DescribeTable"));
        Assert.Equal(1, error.Value);
        Assert.Equal("ResourceNotFoundException", error.Tags["error.type"]);
        Assert.Equal("ResourceNotFoundException", Assert.Single(Measured(StratusTelemetry.CallDuration, "DescribeTable")).Tags["error.type"]);
    }

    [Fact]
    public void A_sync_call_is_traced_too_and_leaves_no_current_span_behind()
    {
        using var ddb = Aws.Connect("dynamodb", _cloud.ClientOptions());
        using (var root = TestSource.StartActivity("test")!)
        {
            ddb.Call("ListTables");
            Assert.Same(root, Activity.Current);
            Assert.Equal(2, SpansOf(root).Count);
        }
    }

    private sealed class FailOnce(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1 ? throw new HttpRequestException("connection reset (test)") : base.SendAsync(request, cancellationToken);
    }
}
