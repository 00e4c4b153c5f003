using CloudClinic.Contracts;

namespace CloudClinic.Storage;

/// <summary>A patient's newest reading of each kind at one clinic; a kind never measured there is null.</summary>
public sealed record PatientLatestReadings(string PatientId, ReadingMessage? BloodPressure, ReadingMessage? Glucose)
{
    /// <summary>One row per patient from the newest reading per (patient, kind), ordered by patient id.</summary>
    internal static IReadOnlyList<PatientLatestReadings> Group(IEnumerable<ReadingMessage> newestPerKind) =>
    [
        .. newestPerKind
            .Where(r => r.PatientId is not null)
            .GroupBy(r => r.PatientId!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PatientLatestReadings(g.Key, Newest(g, ReadingKinds.BloodPressure), Newest(g, ReadingKinds.Glucose))),
    ];

    private static ReadingMessage? Newest(IEnumerable<ReadingMessage> readings, string kind) =>
        readings.Where(r => r.Kind == kind)
            .OrderByDescending(r => r.MeasuredAt)
            .ThenBy(r => r.ReadingId, StringComparer.Ordinal)
            .FirstOrDefault();
}
