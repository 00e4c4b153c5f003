using System.Diagnostics.Metrics;

namespace CloudClinic.Ingestion.Tests;

/// <summary>
/// Sums the ingest's instruments of one host (meters are told apart by the host's IMeterFactory scope): the running
/// total of each counter / up-down counter / histogram, how many values were recorded, and by <c>outcome</c> tag.
/// </summary>
internal sealed class CounterTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _totals = [];
    private readonly Dictionary<string, int> _recordings = [];
    private readonly List<(string Instrument, Func<double, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public CounterTotals(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        _listener.Start();
    }

    public long this[string instrument]
    {
        get
        {
            lock (_gate)
            {
                return (long)_totals.GetValueOrDefault(instrument);
            }
        }
    }

    /// <summary>Sum of the recorded values (seconds, for a duration histogram).</summary>
    public double Total(string instrument)
    {
        lock (_gate)
        {
            return _totals.GetValueOrDefault(instrument);
        }
    }

    /// <summary>How many values were recorded, optionally only those tagged <c>outcome=<paramref name="outcome"/></c>.</summary>
    public int Recordings(string instrument, string? outcome = null)
    {
        lock (_gate)
        {
            return _recordings.GetValueOrDefault(outcome is null ? instrument : $"{instrument}|{outcome}");
        }
    }

    /// <summary>Completes once the total has reached <paramref name="value"/>.</summary>
    public Task WaitForAsync(string instrument, long value, TimeSpan timeout) =>
        WaitUntilAsync(instrument, total => total >= value, timeout);

    /// <summary>Completes once the total satisfies <paramref name="condition"/> (e.g. an in-flight gauge back to 0).</summary>
    public Task WaitUntilAsync(string instrument, Func<double, bool> condition, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (condition(_totals.GetValueOrDefault(instrument)))
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((instrument, condition, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? outcome = null;
        foreach (var tag in tags)
        {
            if (tag.Key == IngestMetrics.OutcomeTag)
            {
                outcome = tag.Value as string;
            }
        }

        lock (_gate)
        {
            _totals[instrument] = _totals.GetValueOrDefault(instrument) + value;
            _recordings[instrument] = _recordings.GetValueOrDefault(instrument) + 1;
            if (outcome is not null)
            {
                var key = $"{instrument}|{outcome}";
                _recordings[key] = _recordings.GetValueOrDefault(key) + 1;
            }

            foreach (var waiter in _waiters.Where(w => w.Instrument == instrument && w.Condition(_totals[instrument])).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
