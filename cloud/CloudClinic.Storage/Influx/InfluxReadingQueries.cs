using System.Globalization;
using CloudClinic.Contracts;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// The reads of both InfluxDB dialects: InfluxQL over <c>/query</c>, which 1.x, 2.x (DBRP mapping) and 3.x all serve
/// (DESIGN.md §4; Flux is not used). Every id goes in through <see cref="InfluxQl.String"/>, never raw.
/// </summary>
internal sealed class InfluxReadingQueries(InfluxHttpApi api)
{
    private const string Measurements = $"\"{InfluxSchema.BloodPressure}\", \"{InfluxSchema.Glucose}\"";

    public async Task<IReadOnlyList<ReadingMessage>> LatestAsync(string clinicId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // LIMIT applies per measurement (one series each), so merge both and cut again.
        var query = $"SELECT * FROM {Measurements} WHERE \"{InfluxSchema.ClinicTag}\" = {InfluxQl.String(InfluxTagValue.Encode(clinicId))} " +
                    $"ORDER BY time DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        var readings = await QueryReadingsAsync(query, ct);
        return [.. readings.OrderByDescending(r => r.MeasuredAt).ThenBy(r => r.ReadingId, StringComparer.Ordinal).Take(limit)];
    }

    public async Task<IReadOnlyList<ReadingMessage>> ForPatientAsync(string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        var query = $"SELECT * FROM {Measurements} WHERE \"{InfluxSchema.PatientTag}\" = {InfluxQl.String(InfluxSchema.PatientTagValue(patientId))} " +
                    $"AND time >= {EpochNs(from)} AND time <= {EpochNs(to)}";
        var readings = await QueryReadingsAsync(query, ct);
        return [.. readings.OrderBy(r => r.MeasuredAt).ThenBy(r => r.ReadingId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<PatientLatestReadings>> LatestPerPatientAsync(string clinicId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        // GROUP BY "patient" makes one group per patient per measurement, and LIMIT applies per group: the newest
        // point of each kind for each patient. The patient tag comes back in the series' tags, not the columns.
        var query = $"SELECT * FROM {Measurements} WHERE \"{InfluxSchema.ClinicTag}\" = {InfluxQl.String(InfluxTagValue.Encode(clinicId))} " +
                    $"AND \"{InfluxSchema.PatientTag}\" != {InfluxQl.String(InfluxSchema.Unassigned)} " +
                    $"GROUP BY \"{InfluxSchema.PatientTag}\" ORDER BY time DESC LIMIT 1";
        return PatientLatestReadings.Group(await QueryReadingsAsync(query, ct));
    }

    public async Task<IReadOnlyList<ReadingMessage>> UnassignedAsync(string clinicId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // LIMIT applies per series; merge both measurements' and cut again, as in LatestAsync.
        var query = $"SELECT * FROM {Measurements} WHERE \"{InfluxSchema.ClinicTag}\" = {InfluxQl.String(InfluxTagValue.Encode(clinicId))} " +
                    $"AND \"{InfluxSchema.PatientTag}\" = {InfluxQl.String(InfluxSchema.Unassigned)} " +
                    $"AND time >= {EpochNs(from)} AND time <= {EpochNs(to)} " +
                    $"ORDER BY time DESC LIMIT {limit.ToString(CultureInfo.InvariantCulture)}";
        var readings = await QueryReadingsAsync(query, ct);
        return [.. readings.OrderByDescending(r => r.MeasuredAt).ThenBy(r => r.ReadingId, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Every point of the clinic whose <c>reading_id</c> field is <paramref name="readingId"/>, whatever its patient.</summary>
    public async Task<List<StoredPoint>> PointsOfReadingAsync(string clinicId, string readingId, CancellationToken ct)
    {
        var query = $"SELECT * FROM {Measurements} WHERE \"{InfluxSchema.ClinicTag}\" = {InfluxQl.String(InfluxTagValue.Encode(clinicId))} " +
                    $"AND \"{InfluxSchema.ReadingId}\" " +
                    (InfluxQl.IsStringSafe(readingId) ? $"= {InfluxQl.String(readingId)}" : $"=~ {InfluxQl.ExactRegex(readingId)}");
        using var document = await api.QueryAsync(query, HttpMethod.Get, ct);
        return InfluxQueryResults.ReadPoints(document.RootElement);
    }

    private static string EpochNs(DateTimeOffset time) =>
        checked(time.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);

    private async Task<List<ReadingMessage>> QueryReadingsAsync(string query, CancellationToken ct)
    {
        using var document = await api.QueryAsync(query, HttpMethod.Get, ct);
        return InfluxQueryResults.ReadReadings(document.RootElement);
    }
}
