using System.Text.Json;
using CloudClinic.Contracts;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Storage.Sqlite;

/// <summary>
/// Unassigned readings of <see cref="SqliteReadingStore"/> and their re-keying. The re-key is one transaction that
/// rewrites the row's <c>patient_id</c> and its wire JSON together, so no crash can leave half of it.
/// </summary>
internal sealed class SqliteAssignments(SqliteDatabase database)
{
    public async Task<IReadOnlyList<ReadingMessage>> UnassignedAsync(string clinicId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT json FROM readings
                WHERE clinic_id = $clinic AND patient_id IS NULL AND measured_at_ms BETWEEN $from AND $to
                ORDER BY measured_at_ms DESC, reading_id LIMIT $limit
                """;
            command.Parameters.AddWithValue("$clinic", clinicId);
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$limit", limit);
            var readings = new List<ReadingMessage>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                readings.Add(Parse(reader.GetString(0)));
            }

            return readings;
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.ToStoreException(ex, "unassigned query");
        }
    }

    public async Task<ReadingAssignment> AssignAsync(string clinicId, string readingId, string patientId, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            ReadingMessage stored;
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = "SELECT json FROM readings WHERE reading_id = $id AND clinic_id = $clinic";
                select.Parameters.AddWithValue("$id", readingId);
                select.Parameters.AddWithValue("$clinic", clinicId);
                if (await select.ExecuteScalarAsync(ct) is not string json)
                {
                    return ReadingAssignment.NotFound;
                }

                stored = Parse(json);
            }

            if (stored.PatientId is { } current)
            {
                return new ReadingAssignment(
                    current == patientId ? ReadingAssignmentOutcome.AlreadyAssigned : ReadingAssignmentOutcome.AssignedToOther, stored);
            }

            var assigned = stored with { PatientId = patientId };
            await using (var update = connection.CreateCommand())
            {
                // "patient_id IS NULL" again: the row cannot have changed inside this transaction, but it states the rule.
                update.CommandText = "UPDATE readings SET patient_id = $patient, json = $json WHERE reading_id = $id AND patient_id IS NULL";
                update.Parameters.AddWithValue("$patient", patientId);
                update.Parameters.AddWithValue("$json", JsonSerializer.Serialize(assigned, ContractJsonContext.Default.ReadingMessage));
                update.Parameters.AddWithValue("$id", readingId);
                await update.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new ReadingAssignment(ReadingAssignmentOutcome.Assigned, assigned);
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.ToStoreException(ex, "assignment");
        }
    }

    private static ReadingMessage Parse(string json) =>
        JsonSerializer.Deserialize(json, ContractJsonContext.Default.ReadingMessage)
        ?? throw new ReadingStoreException(ReadingStoreFailure.Rejected, "SQLite reading store holds a row whose JSON is null");
}
