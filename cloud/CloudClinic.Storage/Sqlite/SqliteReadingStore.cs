using System.Text.Json;
using CloudClinic.Contracts;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Storage.Sqlite;

/// <summary>
/// The embedded reading store of the one-command demo (DESIGN.md §4): one SQLite file, the reading's wire JSON
/// plus indexed columns. readingId is the primary key, so a re-delivered reading overwrites itself.
/// </summary>
public sealed class SqliteReadingStore : IReadingStore, IReadingStoreProbe
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS readings (
            reading_id     TEXT    NOT NULL PRIMARY KEY,
            clinic_id      TEXT    NOT NULL,
            gateway_id     TEXT    NOT NULL,
            patient_id     TEXT    NULL,
            kind           TEXT    NOT NULL,
            measured_at_ms INTEGER NOT NULL,
            json           TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_readings_clinic_time ON readings (clinic_id, measured_at_ms);
        CREATE INDEX IF NOT EXISTS ix_readings_patient_time ON readings (patient_id, measured_at_ms);
        CREATE INDEX IF NOT EXISTS ix_readings_clinic_patient_kind_time ON readings (clinic_id, patient_id, kind, measured_at_ms);
        """;

    private const string Upsert = """
        INSERT INTO readings (reading_id, clinic_id, gateway_id, patient_id, kind, measured_at_ms, json)
        VALUES ($id, $clinic, $gateway, $patient, $kind, $measured, $json)
        ON CONFLICT (reading_id) DO UPDATE SET
            clinic_id = excluded.clinic_id, gateway_id = excluded.gateway_id, patient_id = excluded.patient_id,
            kind = excluded.kind, measured_at_ms = excluded.measured_at_ms, json = excluded.json;
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteDailyQueries _daily;
    private readonly SqliteAssignments _assignments;
    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    /// <param name="databasePath">File path; created with its folder when missing.</param>
    public SqliteReadingStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _database = SqliteDatabase.FromPath(databasePath);
        _daily = new SqliteDailyQueries(_database);
        _assignments = new SqliteAssignments(_database);
    }

    public async Task<string?> ProbeAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await _database.OpenAsync(ct);
            await SqliteDatabase.ExecuteAsync(connection, "SELECT 1;", ct);
            return null;
        }
        catch (SqliteException ex)
        {
            return $"SQLite reading store {_database.DataSource} cannot be opened: {ex.Message}";
        }
    }

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (_created)
        {
            return;
        }

        await _createLock.WaitAsync(ct);
        try
        {
            if (!_created)
            {
                await _database.EnableWalAsync(ct);
                await using var connection = await _database.OpenAsync(ct);
                await SqliteDatabase.ExecuteAsync(connection, Schema, ct);
                _created = true;
            }
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.ToStoreException(ex, "create");
        }
        finally
        {
            _createLock.Release();
        }
    }

    public async Task WriteAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        await EnsureCreatedAsync(ct);
        try
        {
            await using var connection = await _database.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = Upsert;
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var clinic = command.Parameters.Add("$clinic", SqliteType.Text);
            var gateway = command.Parameters.Add("$gateway", SqliteType.Text);
            var patient = command.Parameters.Add("$patient", SqliteType.Text);
            var kind = command.Parameters.Add("$kind", SqliteType.Text);
            var measured = command.Parameters.Add("$measured", SqliteType.Integer);
            var json = command.Parameters.Add("$json", SqliteType.Text);
            foreach (var reading in readings)
            {
                id.Value = reading.ReadingId;
                clinic.Value = reading.ClinicId;
                gateway.Value = reading.GatewayId;
                patient.Value = (object?)reading.PatientId ?? DBNull.Value;
                kind.Value = reading.Kind;
                measured.Value = reading.MeasuredAt.ToUnixTimeMilliseconds();
                json.Value = JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage);
                await command.ExecuteNonQueryAsync(ct);
            }

            // Commit returns after the WAL is synced (synchronous=FULL): durable.
            await transaction.CommitAsync(ct);
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.ToStoreException(ex, "write");
        }
    }

    public Task<IReadOnlyList<ReadingMessage>> LatestAsync(string clinicId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return QueryAsync(
            "SELECT json FROM readings WHERE clinic_id = $a ORDER BY measured_at_ms DESC, reading_id LIMIT $b",
            clinicId,
            limit,
            ct);
    }

    public Task<IReadOnlyList<ReadingMessage>> ForPatientAsync(string patientId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        return QueryAsync(
            "SELECT json FROM readings WHERE patient_id = $a AND measured_at_ms BETWEEN $b AND $c ORDER BY measured_at_ms, reading_id",
            patientId,
            from.ToUnixTimeMilliseconds(),
            ct,
            to.ToUnixTimeMilliseconds());
    }

    public async Task<IReadOnlyList<DailyBloodPressure>> DailyBloodPressureAsync(string patientId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(days);
        await EnsureCreatedAsync(ct);
        return await _daily.BloodPressureAsync(patientId, days, ct);
    }

    public async Task<IReadOnlyList<DailyGlucose>> DailyGlucoseAsync(string patientId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        ArgumentNullException.ThrowIfNull(days);
        await EnsureCreatedAsync(ct);
        return await _daily.GlucoseAsync(patientId, days, ct);
    }

    public async Task<IReadOnlyList<PatientLatestReadings>> LatestPerPatientAsync(string clinicId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        await EnsureCreatedAsync(ct);
        return await _daily.LatestPerPatientAsync(clinicId, ct);
    }

    public async Task<IReadOnlyList<ClinicDayCount>> DailyCountsAsync(string clinicId, LocalDayRange days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentNullException.ThrowIfNull(days);
        await EnsureCreatedAsync(ct);
        return await _daily.CountsAsync(clinicId, days, ct);
    }

    public async Task<IReadOnlyList<ReadingMessage>> UnassignedAsync(string clinicId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnsureCreatedAsync(ct);
        return await _assignments.UnassignedAsync(clinicId, from, to, limit, ct);
    }

    public async Task<ReadingAssignment> AssignAsync(string clinicId, string readingId, string patientId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clinicId);
        ArgumentNullException.ThrowIfNull(readingId);
        ArgumentNullException.ThrowIfNull(patientId);
        await EnsureCreatedAsync(ct);
        return await _assignments.AssignAsync(clinicId, readingId, patientId, ct);
    }

    private async Task<IReadOnlyList<ReadingMessage>> QueryAsync(string sql, string a, long b, CancellationToken ct, long? c = null)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await using var connection = await _database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$a", a);
            command.Parameters.AddWithValue("$b", b);
            if (c is { } third)
            {
                command.Parameters.AddWithValue("$c", third);
            }

            var readings = new List<ReadingMessage>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (JsonSerializer.Deserialize(reader.GetString(0), ContractJsonContext.Default.ReadingMessage) is { } reading)
                {
                    readings.Add(reading);
                }
            }

            return readings;
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.ToStoreException(ex, "query");
        }
    }
}
