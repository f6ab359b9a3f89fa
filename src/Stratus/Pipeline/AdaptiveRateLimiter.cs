namespace Stratus.Pipeline;

/// <summary>
/// The adaptive retry mode's client-side rate limiter: a token bucket whose fill rate follows CUBIC —
/// cut when the service throttles, grown back as calls succeed — so a throttled client slows down
/// instead of hammering the service. Thread-safe.
/// </summary>
public sealed class AdaptiveRateLimiter
{
    private const double MinFillRate = 0.5;
    private const double MinCapacity = 1;
    private const double Smooth = 0.8;
    private const double Beta = 0.7;
    private const double ScaleConstant = 0.4;

    private readonly TimeProvider _clock;
    private readonly object _gate = new();
    private double _fillRate, _maxCapacity = MinCapacity, _currentCapacity, _lastTimestamp;
    private double _measuredTxRate, _lastTxRateBucket, _lastMaxRate, _lastThrottleTime, _timeWindow;
    private int _requestCount;
    private bool _enabled;

    /// <summary>Creates a limiter, disabled until the first throttling error.</summary>
    public AdaptiveRateLimiter(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _lastTxRateBucket = Math.Floor(Now());
        _lastThrottleTime = Now();
    }

    /// <summary>How long to wait before sending, taking one token (zero when not throttled yet).</summary>
    public TimeSpan Acquire()
    {
        lock (_gate)
        {
            if (!_enabled)
            {
                return TimeSpan.Zero;
            }
            Refill();
            if (_currentCapacity >= 1)
            {
                _currentCapacity -= 1;
                return TimeSpan.Zero;
            }
            var wait = (1 - _currentCapacity) / _fillRate;
            _currentCapacity = 0;
            _lastTimestamp += wait;
            return TimeSpan.FromSeconds(wait);
        }
    }

    /// <summary>Records a response: <paramref name="throttled"/> when the service throttled the call.</summary>
    public void Update(bool throttled)
    {
        lock (_gate)
        {
            UpdateMeasuredRate();
            double rate;
            if (throttled)
            {
                rate = _enabled ? Math.Min(_measuredTxRate, _fillRate) : _measuredTxRate;
                _lastMaxRate = rate;
                _timeWindow = Math.Cbrt(_lastMaxRate * (1 - Beta) / ScaleConstant);
                _lastThrottleTime = Now();
                rate *= Beta;
                _enabled = true;
            }
            else
            {
                var dt = Now() - _lastThrottleTime;
                rate = ScaleConstant * Math.Pow(dt - _timeWindow, 3) + _lastMaxRate;
            }
            SetRate(Math.Min(rate, 2 * _measuredTxRate));
        }
    }

    private void Refill()
    {
        var now = Now();
        if (_lastTimestamp == 0)
        {
            _lastTimestamp = now;
            return;
        }
        _currentCapacity = Math.Min(_maxCapacity, _currentCapacity + (now - _lastTimestamp) * _fillRate);
        _lastTimestamp = Math.Max(_lastTimestamp, now);
    }

    private void SetRate(double rate)
    {
        Refill();
        _fillRate = Math.Max(rate, MinFillRate);
        _maxCapacity = Math.Max(rate, MinCapacity);
        _currentCapacity = Math.Min(_currentCapacity, _maxCapacity);
    }

    private void UpdateMeasuredRate()
    {
        var now = Now();
        var bucket = Math.Floor(now * 2) / 2;
        _requestCount++;
        if (bucket > _lastTxRateBucket)
        {
            var current = _requestCount / (bucket - _lastTxRateBucket);
            _measuredTxRate = current * Smooth + _measuredTxRate * (1 - Smooth);
            _requestCount = 0;
            _lastTxRateBucket = bucket;
        }
    }

    private double Now() => _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
}
