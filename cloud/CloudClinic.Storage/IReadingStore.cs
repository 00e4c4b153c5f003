using CloudClinic.Contracts;

namespace CloudClinic.Storage;

/// <summary>
/// Where readings land (DESIGN.md §4): InfluxDB in production, SQLite for the one-command demo. Writing the same
/// reading again is harmless (same key → overwrite), so callers may retry and brokers may re-deliver.
/// </summary>
public interface IReadingStore
{
    /// <summary>Creates the database/tables if missing. Idempotent; the stores also call it on first use.</summary>
    Task EnsureCreatedAsync(CancellationToken ct);

    /// <summary>
    /// Returns only once every reading is durable (InfluxDB answered 204, SQLite committed). Throws
    /// <see cref="ReadingStoreException"/> whose <see cref="ReadingStoreException.Kind"/> tells the caller what to do.
    /// </summary>
    Task WriteAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct);

    /// <summary>The newest readings of a clinic by <c>measuredAt</c>, newest first.</summary>
    Task<IReadOnlyList<ReadingMessage>> LatestAsync(string clinicId, int limit, CancellationToken ct);

    /// <summary>A patient's readings with <paramref name="from"/> ≤ <c>measuredAt</c> ≤ <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<ReadingMessage>> ForPatientAsync(string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
