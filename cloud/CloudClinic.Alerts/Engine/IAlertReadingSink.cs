using CloudClinic.Contracts;

namespace CloudClinic.Alerts.Engine;

/// <summary>Where the ingest hands stored readings to the alert engine (DESIGN.md §2: store, then alerts).</summary>
public interface IAlertReadingSink
{
    /// <summary>
    /// Evaluates the readings at once where this process leads the engine, or else queues them for evaluation durably
    /// (one registry transaction). Once it returns, acknowledging the MQTT messages cannot lose an alert in a crash:
    /// the evaluation is committed, or the queue holds the readings across restarts of the ingest and of the engine;
    /// urgent-looking readings are evaluated first either way.
    /// </summary>
    ValueTask SubmitAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct) =>
        SubmitAsync([.. readings.Select(r => new ReceivedReading(r, ReadOnlyMemory<byte>.Empty))], ct);

    /// <summary>
    /// As <see cref="SubmitAsync(IReadOnlyList{ReadingMessage}, CancellationToken)"/>, with each reading's JSON object as
    /// it was received where known (<see cref="ReceivedReading"/>): a queue row stores those bytes rather than
    /// serializing the readings again.
    /// </summary>
    ValueTask SubmitAsync(IReadOnlyList<ReceivedReading> readings, CancellationToken ct);
}
