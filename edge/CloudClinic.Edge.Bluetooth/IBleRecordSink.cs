namespace CloudClinic.Edge.Bluetooth;

/// <summary>
/// Where a BLE meter session puts what it read. Calls are sequential and awaited: the session takes the next value
/// (and moves the RACP cursor, and asks the meter for more) only after the call returned, so a record is committed
/// (e.g. to the outbox) before anything depends on it. Throwing fails the session; it reconnects and resumes from
/// the last record whose commit returned.
/// </summary>
public interface IBleRecordSink
{
    ValueTask CommitAsync(BleMeterRecord record, CancellationToken cancellationToken);

    /// <summary>A value that failed to decode: keep it with its reason (never drop it silently).</summary>
    ValueTask RejectAsync(BleRejectedValue rejected, CancellationToken cancellationToken);

    /// <summary>The meter is connected and identified; a session (records, or none) follows. The default does nothing.</summary>
    ValueTask SessionStartedAsync(BleMeterIdentity meter, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A session ended (successfully or not); the default does nothing.</summary>
    ValueTask SessionEndedAsync(BleSessionResult result, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
