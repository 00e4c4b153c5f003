using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>Where the ingest hands stored readings to the alert engine (DESIGN.md §2: store, then alerts).</summary>
public interface IAlertReadingSink
{
    /// <summary>
    /// Queues the readings for evaluation durably (one registry transaction) and returns; it never waits for the
    /// evaluation itself. Once it returns, acknowledging the MQTT messages cannot lose an alert in a crash: the queue
    /// survives restarts of the ingest and of the engine, and urgent-looking readings are evaluated first.
    /// </summary>
    ValueTask SubmitAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct) =>
        SubmitAsync([.. readings.Select(r => new ReceivedReading(r, ReadOnlyMemory<byte>.Empty))], ct);

    /// <summary>
    /// As <see cref="SubmitAsync(IReadOnlyList{ReadingMessage}, CancellationToken)"/>, with each reading's JSON object as
    /// it was received where known (<see cref="ReceivedReading"/>): the queue stores those bytes rather than serializing
    /// the readings again.
    /// </summary>
    ValueTask SubmitAsync(IReadOnlyList<ReceivedReading> readings, CancellationToken ct);
}
