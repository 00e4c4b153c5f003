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

    /// <summary>
    /// A patient's blood pressure per local day of <paramref name="days"/>, oldest first; days without a reading are
    /// absent (an empty window gives an empty list).
    /// </summary>
    Task<IReadOnlyList<DailyBloodPressure>> DailyBloodPressureAsync(string patientId, LocalDayRange days, CancellationToken ct);

    /// <summary>A patient's glucose per local day and meal context, oldest first, then by meal (ordinal, none first).</summary>
    Task<IReadOnlyList<DailyGlucose>> DailyGlucoseAsync(string patientId, LocalDayRange days, CancellationToken ct);

    /// <summary>One row per patient measured at the clinic (unassigned readings left out), ordered by patient id.</summary>
    Task<IReadOnlyList<PatientLatestReadings>> LatestPerPatientAsync(string clinicId, CancellationToken ct);

    /// <summary>The clinic's readings per local day by kind, oldest first; days without readings are absent.</summary>
    Task<IReadOnlyList<ClinicDayCount>> DailyCountsAsync(string clinicId, LocalDayRange days, CancellationToken ct);

    /// <summary>
    /// The clinic's unassigned readings (no patient checked in: DESIGN.md §3, "kept, shown for assignment") with
    /// <paramref name="from"/> ≤ <c>measuredAt</c> ≤ <paramref name="to"/>, newest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<ReadingMessage>> UnassignedAsync(string clinicId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct);

    /// <summary>
    /// Re-keys one of the clinic's unassigned readings to <paramref name="patientId"/>, keeping every other field.
    /// Idempotent: repeating it for the same patient is <see cref="ReadingAssignmentOutcome.AlreadyAssigned"/>; a
    /// reading that has another patient is <see cref="ReadingAssignmentOutcome.AssignedToOther"/> and is left alone.
    /// Never loses the reading: an interrupted re-key leaves at worst a duplicate that the next call removes.
    /// Throws <see cref="NotSupportedException"/> when the store cannot re-key (InfluxDB v2 dialect).
    /// </summary>
    Task<ReadingAssignment> AssignAsync(string clinicId, string readingId, string patientId, CancellationToken ct);
}
