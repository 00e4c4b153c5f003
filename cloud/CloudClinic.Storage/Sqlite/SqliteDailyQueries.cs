using System.Data.Common;
using System.Text.Json;
using CloudClinic.Contracts;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Storage.Sqlite;

/// <summary>
/// The per-day and per-patient reads of <see cref="SqliteReadingStore"/>. Values come from the stored wire JSON
/// (<c>json_extract</c>, sqlite.org/json1.html); the local day is floor((measured_at_ms + offset) / 1 day) counted
/// from 1970-01-01, computed in SQL so grouping happens in the database. Every input is a bound parameter.
/// </summary>
internal sealed class SqliteDailyQueries(SqliteDatabase database)
{
    // Floor division: SQLite's integer '/' truncates toward zero.
    private const string LocalDay = "((measured_at_ms + $offset) - (((measured_at_ms + $offset) % 86400000) + 86400000) % 86400000) / 86400000";

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public Task<List<DailyBloodPressure>> BloodPressureAsync(string patientId, LocalDayRange days, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT day, COUNT(s), AVG(s), MIN(s), MAX(s), AVG(d), MIN(d), MAX(d) FROM (
                SELECT {LocalDay} AS day, json_extract(json, '$.systolic') AS s, json_extract(json, '$.diastolic') AS d
                FROM readings
                WHERE patient_id = $key AND kind = '{ReadingKinds.BloodPressure}' AND measured_at_ms >= $from AND measured_at_ms < $to)
            WHERE s IS NOT NULL GROUP BY day ORDER BY day
            """,
            patientId,
            days,
            r => new DailyBloodPressure(
                Day(r), r.GetInt32(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), Real(r, 5), Real(r, 6), Real(r, 7)),
            ct);

    public Task<List<DailyGlucose>> GlucoseAsync(string patientId, LocalDayRange days, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT day, meal, COUNT(g), AVG(g), MIN(g), MAX(g) FROM (
                SELECT {LocalDay} AS day, json_extract(json, '$.meal') AS meal, json_extract(json, '$.mmolL') AS g
                FROM readings
                WHERE patient_id = $key AND kind = '{ReadingKinds.Glucose}' AND measured_at_ms >= $from AND measured_at_ms < $to)
            WHERE g IS NOT NULL GROUP BY day, meal ORDER BY day, meal
            """,
            patientId,
            days,
            r => new DailyGlucose(
                Day(r), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5)),
            ct);

    public Task<List<ClinicDayCount>> CountsAsync(string clinicId, LocalDayRange days, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {LocalDay} AS day, SUM(kind = '{ReadingKinds.BloodPressure}'), SUM(kind = '{ReadingKinds.Glucose}')
            FROM readings
            WHERE clinic_id = $key AND measured_at_ms >= $from AND measured_at_ms < $to
            GROUP BY day ORDER BY day
            """,
            clinicId,
            days,
            r => new ClinicDayCount(Day(r), r.GetInt32(1), r.GetInt32(2)),
            ct);

    /// <summary>
    /// The newest reading per (patient, kind) of a clinic: SQLite takes a bare column from the row holding MAX()
    /// (sqlite.org/lang_select.html, "bare columns in an aggregate query"), walking ix_readings_clinic_patient_kind_time.
    /// </summary>
    public async Task<IReadOnlyList<PatientLatestReadings>> LatestPerPatientAsync(string clinicId, CancellationToken ct)
    {
        var readings = await QueryAsync(
            """
            SELECT json, MAX(measured_at_ms) FROM readings
            WHERE clinic_id = $key AND patient_id IS NOT NULL
            GROUP BY patient_id, kind
            """,
            clinicId,
            days: null,
            r => JsonSerializer.Deserialize(r.GetString(0), ContractJsonContext.Default.ReadingMessage),
            ct);
        return PatientLatestReadings.Group(readings);
    }

    private static DateOnly Day(DbDataReader reader) => DateOnly.FromDayNumber(EpochDayNumber + (int)reader.GetInt64(0));

    private static double Real(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? double.NaN : reader.GetDouble(ordinal);

    private async Task<List<T>> QueryAsync<T>(string sql, string key, LocalDayRange? days, Func<DbDataReader, T?> map, CancellationToken ct)
        where T : class
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$key", key);
            if (days is not null)
            {
                command.Parameters.AddWithValue("$offset", (long)days.UtcOffset.TotalMilliseconds);
                command.Parameters.AddWithValue("$from", days.Start.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$to", days.End.ToUnixTimeMilliseconds());
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (map(reader) is { } row)
                {
                    rows.Add(row);
                }
            }

            return rows;
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.ToStoreException(ex, "query");
        }
    }
}
