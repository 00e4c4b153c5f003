using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>Where the ingest hands stored readings to the alert engine (DESIGN.md §2: store, then alerts).</summary>
public interface IAlertReadingSink
{
    /// <summary>
    /// Queues the readings for evaluation. Returns at once for ordinary readings; for a reading that looks urgent by
    /// the default limits it returns once its alert is committed to the registry outbox, so acknowledging the MQTT
    /// message after this can never lose an urgent alert in a crash. Waits (never drops) when the queue is full.
    /// </summary>
    ValueTask SubmitAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct);
}
