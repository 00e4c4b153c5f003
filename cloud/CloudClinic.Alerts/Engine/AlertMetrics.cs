using System.Diagnostics.Metrics;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// The engine's instruments (meter <c>CloudClinic.Alerts</c>, OpenTelemetry-ready like the ingest's): readings queued
/// and evaluated, and how long they waited; queued minus evaluated across the fleet is the evaluation backlog an on-call
/// engineer watches. Readings the leading process evaluated as the ingest handed them over are never queued, so they
/// have a counter of their own.
/// </summary>
public sealed class AlertMetrics : IDisposable
{
    public const string MeterName = "CloudClinic.Alerts";

    private readonly Meter _meter;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _queuedUrgent;
    private readonly Counter<long> _evaluated;
    private readonly Counter<long> _evaluatedAtOnce;
    private readonly Histogram<double> _waited;

    public AlertMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _queued = _meter.CreateCounter<long>("cloudclinic.alerts.readings_queued", "{reading}", "Stored readings queued for alert evaluation");
        _queuedUrgent = _meter.CreateCounter<long>("cloudclinic.alerts.readings_queued_urgent", "{reading}", "Queued readings that looked urgent (evaluated first)");
        _evaluated = _meter.CreateCounter<long>("cloudclinic.alerts.readings_evaluated", "{reading}", "Readings evaluated and taken off the queue");
        _evaluatedAtOnce = _meter.CreateCounter<long>("cloudclinic.alerts.readings_evaluated_at_once", "{reading}", "Stored readings evaluated as the ingest handed them over, not queued");
        _waited = _meter.CreateHistogram<double>("cloudclinic.alerts.queue_wait", "s", "From queueing to evaluation, oldest row of each engine batch");
    }

    public void Queued(int count, int urgent)
    {
        _queued.Add(count);
        _queuedUrgent.Add(urgent);
    }

    public void Evaluated(int count, TimeSpan oldestWaited)
    {
        _evaluated.Add(count);
        _waited.Record(Math.Max(0, oldestWaited.TotalSeconds));
    }

    public void EvaluatedAtOnce(int count) => _evaluatedAtOnce.Add(count);

    public void Dispose() => _meter.Dispose();
}
