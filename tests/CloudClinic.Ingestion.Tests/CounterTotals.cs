using System.Diagnostics.Metrics;

namespace CloudClinic.Ingestion.Tests;

/// <summary>Sums the ingest's counters of one host (meters are told apart by the host's IMeterFactory scope).</summary>
internal sealed class CounterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _totals = [];
    private readonly List<(string Instrument, long Value, TaskCompletionSource Done)> _waiters = [];

    public CounterTotals(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        _listener.Start();
    }

    public long this[string instrument]
    {
        get
        {
            lock (_gate)
            {
                return _totals.GetValueOrDefault(instrument);
            }
        }
    }

    /// <summary>Completes once the counter has reached <paramref name="value"/>.</summary>
    public Task WaitForAsync(string instrument, long value, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_totals.GetValueOrDefault(instrument) >= value)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((instrument, value, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(string instrument, long value)
    {
        lock (_gate)
        {
            _totals[instrument] = _totals.GetValueOrDefault(instrument) + value;
            foreach (var waiter in _waiters.Where(w => w.Instrument == instrument && _totals[instrument] >= w.Value).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
