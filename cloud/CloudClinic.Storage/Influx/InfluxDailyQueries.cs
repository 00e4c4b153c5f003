using System.Globalization;
using System.Text.Json;

namespace CloudClinic.Storage.Influx;

/// <summary>
/// Per-day aggregates in InfluxQL for both dialects. Local days come from <c>GROUP BY time(1d, offset)</c>: buckets
/// start at epoch + offset (influxql spec, "GROUP BY time intervals and offsets"), so at +08:00 the offset is 16h and a
/// bucket runs from local 00:00 to 24:00. <c>tz('Asia/Shanghai')</c> is not used: it works on 1.6.7 only where the
/// server has zoneinfo, and a fixed offset is what <see cref="LocalDayRange"/> carries. Every id goes in through <see cref="InfluxQl.String"/>.
/// </summary>
internal sealed class InfluxDailyQueries(InfluxHttpApi api)
{
    private const string Count = "n";

    public async Task<IReadOnlyList<DailyBloodPressure>> BloodPressureAsync(string patientId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(days);
        var query = $"SELECT count({Field(InfluxSchema.Systolic)}) AS \"{Count}\", " +
                    $"{Stats(InfluxSchema.Systolic)}, {Stats(InfluxSchema.Diastolic)} " +
                    $"FROM \"{InfluxSchema.BloodPressure}\" WHERE {PatientIs(patientId)} AND {Window(days)} {GroupByDay(days)} fill(none)";
        var result = await RowsAsync(query, (_, row) => Number(row, Count) is not (> 0 and var n) ? null
            : new DailyBloodPressure(
                Day(row, days),
                (int)n,
                Number(row, "mean_" + InfluxSchema.Systolic) ?? double.NaN,
                Number(row, "min_" + InfluxSchema.Systolic) ?? double.NaN,
                Number(row, "max_" + InfluxSchema.Systolic) ?? double.NaN,
                Number(row, "mean_" + InfluxSchema.Diastolic) ?? double.NaN,
                Number(row, "min_" + InfluxSchema.Diastolic) ?? double.NaN,
                Number(row, "max_" + InfluxSchema.Diastolic) ?? double.NaN), ct);
        return [.. result.OrderBy(d => d.Day)];
    }

    public async Task<IReadOnlyList<DailyGlucose>> GlucoseAsync(string patientId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(days);
        var query = $"SELECT count({Field(InfluxSchema.MmolL)}) AS \"{Count}\", {Stats(InfluxSchema.MmolL)} " +
                    $"FROM \"{InfluxSchema.Glucose}\" WHERE {PatientIs(patientId)} AND {Window(days)} " +
                    $"{GroupByDay(days)}, \"{InfluxSchema.MealTag}\" fill(none)";
        var result = await RowsAsync(query, (_, row) => Number(row, Count) is not (> 0 and var n) ? null
            : new DailyGlucose(
                Day(row, days),
                Meal(row),
                (int)n,
                Number(row, "mean_" + InfluxSchema.MmolL) ?? double.NaN,
                Number(row, "min_" + InfluxSchema.MmolL) ?? double.NaN,
                Number(row, "max_" + InfluxSchema.MmolL) ?? double.NaN), ct);

        return [.. result.OrderBy(d => d.Day).ThenBy(d => d.Meal, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ClinicDayCount>> CountsAsync(string clinicId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentNullException.ThrowIfNull(days);
        var query = $"SELECT count({Field(InfluxSchema.ReadingId)}) AS \"{Count}\" " +
                    $"FROM \"{InfluxSchema.BloodPressure}\", \"{InfluxSchema.Glucose}\" " +
                    $"WHERE \"{InfluxSchema.ClinicTag}\" = {InfluxQl.String(InfluxTagValue.Encode(clinicId))} AND {Window(days)} " +
                    $"{GroupByDay(days)} fill(none)";
        // One series per measurement; a day may appear in either or both.
        var perMeasurement = await RowsAsync(query, (measurement, row) => Number(row, Count) is not (> 0 and var n) ? null
            : new ClinicDayCount(
                Day(row, days),
                measurement == InfluxSchema.BloodPressure ? (int)n : 0,
                measurement == InfluxSchema.Glucose ? (int)n : 0), ct);
        return
        [
            .. perMeasurement
                .GroupBy(c => c.Day)
                .OrderBy(g => g.Key)
                .Select(g => new ClinicDayCount(g.Key, g.Sum(c => c.BloodPressureCount), g.Sum(c => c.GlucoseCount))),
        ];
    }

    private static string Field(string name) => $"\"{name}\"";

    private static string Stats(string field) =>
        $"mean(\"{field}\") AS \"mean_{field}\", min(\"{field}\") AS \"min_{field}\", max(\"{field}\") AS \"max_{field}\"";

    private static string PatientIs(string patientId) =>
        $"\"{InfluxSchema.PatientTag}\" = {InfluxQl.String(InfluxSchema.PatientTagValue(patientId))}";

    private static string Window(LocalDayRange days) =>
        $"time >= {EpochNs(days.Start)} AND time < {EpochNs(days.End)}";

    /// <summary>Buckets start at local midnight: offset = −UTC offset, taken modulo one day (e.g. +08:00 → 960m).</summary>
    private static string GroupByDay(LocalDayRange days)
    {
        var minutes = (int)(((-days.UtcOffset.TotalMinutes % 1440) + 1440) % 1440);
        return $"GROUP BY time(1d, {minutes.ToString(CultureInfo.InvariantCulture)}m)";
    }

    private static string EpochNs(DateTimeOffset time) =>
        checked(time.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);

    private static DateOnly Day(Dictionary<string, JsonElement> row, LocalDayRange days) =>
        days.DayOf(DateTimeOffset.FromUnixTimeMilliseconds(row["time"].GetInt64()));

    /// <summary>A glucose point without a meal tag groups under the empty tag value.</summary>
    private static string? Meal(Dictionary<string, JsonElement> row) =>
        row.TryGetValue(InfluxSchema.MealTag, out var tag) && tag.GetString() is { Length: > 0 } text ? InfluxTagValue.Decode(text) : null;

    private static double? Number(Dictionary<string, JsonElement> row, string key) =>
        row.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    /// <summary>Maps the rows while their JSON document is still alive.</summary>
    private async Task<List<T>> RowsAsync<T>(string query, Func<string?, Dictionary<string, JsonElement>, T?> map, CancellationToken ct)
        where T : class
    {
        using var document = await api.QueryAsync(query, HttpMethod.Get, ct);
        return [.. InfluxQueryResults.Rows(document.RootElement).Select(row => map(row.Measurement, row.Values)).OfType<T>()];
    }
}
