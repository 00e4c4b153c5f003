using System.Data.Common;
using System.Text.Json;
using CloudClinic.Alerts.CarePlans;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// The registry table between the ingest and the engine (<see cref="EvaluationQueueItem"/>). The ingest's cost is
/// one insert transaction per stored batch — it never waits for rule evaluation, however far the engine is behind —
/// and once it returns, acknowledging the MQTT messages cannot lose an evaluation (urgent or not) in a crash.
/// Urgent-looking readings are taken first, so an urgent alert does not queue behind a backlog of normal readings.
/// </summary>
internal sealed partial class DurableEvaluationQueue(
    RegistryDatabase database, EvaluationQueueSignal signal, AlertMetrics metrics, TimeProvider time, ILogger<DurableEvaluationQueue> logger) : IAlertReadingSink
{
    // Quoted identifiers: EF creates the columns with these exact names on SQLite and PostgreSQL alike.
    private static readonly string InsertSql =
        $"""INSERT INTO "{EvaluationQueueItem.TableName}" ("Urgent", "ReadingId", "Reading", "EnqueuedAtUnixMs") VALUES (@urgent, @readingId, @reading, @enqueuedAt)""";

    public async ValueTask SubmitAsync(IReadOnlyList<ReadingMessage> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql;
        var urgent = AddParameter(insert, "@urgent");
        var readingId = AddParameter(insert, "@readingId");
        var json = AddParameter(insert, "@reading");
        var enqueuedAt = AddParameter(insert, "@enqueuedAt");
        enqueuedAt.Value = time.GetUtcNow().ToUnixTimeMilliseconds();
        var urgentCount = 0;
        foreach (var reading in readings)
        {
            var looksUrgent = LooksUrgent(reading);
            urgentCount += looksUrgent ? 1 : 0;
            urgent.Value = looksUrgent;
            readingId.Value = reading.ReadingId;
            json.Value = JsonSerializer.Serialize(reading, ContractJsonContext.Default.ReadingMessage);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        metrics.Queued(readings.Count, urgentCount);
        signal.Notify();
    }

    /// <summary>The next rows to evaluate: urgent ones first, each kind oldest first.</summary>
    public async Task<List<QueuedReading>> PeekAsync(int max, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        var rows = await db.EvaluationQueue.AsNoTracking()
            .OrderByDescending(q => q.Urgent).ThenBy(q => q.Id)
            .Take(max)
            .ToListAsync(ct);
        var taken = new List<QueuedReading>(rows.Count);
        foreach (var row in rows)
        {
            taken.Add(new QueuedReading(row.Id, row.Urgent, Parse(row)));
        }

        return taken;
    }

    public Task WaitForWorkAsync(TimeSpan poll, CancellationToken ct) => signal.WaitAsync(poll, time, ct);

    private ReadingMessage Parse(EvaluationQueueItem row)
    {
        try
        {
            return JsonSerializer.Deserialize(row.Reading, ContractJsonContext.Default.ReadingMessage)
                ?? throw new JsonException("the queued reading is JSON null");
        }
        catch (JsonException ex)
        {
            // Only this process writes the rows, from a validated reading: a row that does not parse means a corrupt
            // registry. Stop here (the worker retries and logs) rather than skip a reading no one would evaluate.
            LogUnreadableRow(logger, row.Id, row.ReadingId, ex.Message);
            throw;
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static bool LooksUrgent(ReadingMessage reading)
    {
        var facts = ReadingFacts.From(reading);
        var plan = CarePlanDefaults.Unknown;
        return ReadingRules.All.Any(r => r.FiresWithoutPatient && r.Evaluate(facts, plan) == RuleVerdict.Fire);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Evaluation queue row {RowId} (reading {ReadingId}) does not parse: {Reason}")]
    private static partial void LogUnreadableRow(ILogger logger, long rowId, string readingId, string reason);
}
