using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudClinic.Alerts.Leadership;
using CloudClinic.Alerts.Rules;
using CloudClinic.Contracts;
using CloudClinic.Registry;
using CloudClinic.Registry.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudClinic.Alerts.Engine;

/// <summary>
/// The registry table between the ingest and the engine (<see cref="EvaluationQueueItem"/>). The ingest's cost is
/// one transaction per stored batch with a row per <see cref="AlertOptions.BatchSize"/> readings — it never waits
/// for rule evaluation, however far the engine is behind — and once it returns, acknowledging the MQTT messages
/// cannot lose an evaluation (urgent or not) in a crash. Urgent-looking readings get rows of their own, taken first,
/// so an urgent alert does not queue behind a backlog of normal readings. While this process leads the engine, the
/// rows it inserts are also kept decoded (<see cref="DecodedQueueRows"/>), so its own engine does not parse them back.
/// The ingest comes here when another process leads the engine, or when evaluating at once failed
/// (<see cref="ImmediateEvaluationSink"/>).
/// </summary>
internal sealed partial class DurableEvaluationQueue(
    RegistryDatabase database,
    EvaluationQueueSignal signal,
    EngineLeadership leadership,
    AlertMetrics metrics,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<DurableEvaluationQueue> logger) : IAlertReadingSink
{
    // Enough for the engine to be a whole ingest window behind: 4 batches in flight (Ingest:MaxInFlightBatches) of up to
    // 4 MiB of payload (Ingest:MaxBatchBytes), ~9,300 readings each in 100-reading messages. At 20,000 a 100/msg
    // firehose (bench/) outran the bound and 22% of the rows were read back and parsed again; at 40,000, 8% (while the
    // engine lagged most: the warm-up). A decoded reading holds ~470 bytes (measured, bench readings), so the bound
    // costs at most ~19 MB; beyond it rows are read from the registry.
    private const int MaxDecodedReadings = 40_000;

    // Quoted identifiers: EF creates the columns with these exact names on SQLite and PostgreSQL alike (both have
    // RETURNING), and the new row's id keys its decoded readings. On SQLite the readings are bound as their UTF-8 bytes
    // (QueueRowJson) and stored as TEXT, as EF reads them; PostgreSQL is given a string.
    private static readonly string SqliteInsertSql = InsertSql("CAST(@readings AS TEXT)");
    private static readonly string PostgresInsertSql = InsertSql("@readings");

    // Rows looked at per peek. A batch takes whole rows up to its bound in readings (2,000 for a backlog of ordinary rows:
    // ten full rows of Alerts:BatchSize); a backlog of rows part-full still fills it. Taking as many rows as the bound
    // has readings, as before, loaded up to 2,000 row heads per peek only to use ten: with the engine behind a 100
    // readings/message firehose the peek was 6.8% of the ingest's perf samples, 3.8–4.4% after.
    internal const int MaxRowsPerPeek = 100;

    private readonly DecodedQueueRows _decoded = new(MaxDecodedReadings);

    public async ValueTask SubmitAsync(IReadOnlyList<ReceivedReading> readings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return;
        }

        var urgent = new List<ReceivedReading>();
        var ordinary = new List<ReceivedReading>(readings.Count);
        foreach (var received in readings)
        {
            (ReadingRules.LooksUrgent(received.Reading) ? urgent : ordinary).Add(received);
        }

        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = database.IsPostgres ? PostgresInsertSql : SqliteInsertSql;
        var row = new RowParameters(insert);
        // Whole milliseconds, as the row stores it: a decoded row and the same row read back must not differ.
        var enqueuedAt = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
        row.EnqueuedAt.Value = enqueuedAt.ToUnixTimeMilliseconds();
        var inserted = new List<(long Id, bool Urgent, ReadingMessage[] Readings)>();
        await InsertChunksAsync(insert, row, urgent, isUrgent: true, inserted, ct);
        await InsertChunksAsync(insert, row, ordinary, isUrgent: false, inserted, ct);
        await transaction.CommitAsync(ct);
        if (leadership.IsLeader)
        {
            // Only once committed: a row that was rolled back must not be found here.
            foreach (var (id, isUrgent, chunk) in inserted)
            {
                _decoded.Add(id, isUrgent, enqueuedAt, chunk);
            }
        }

        metrics.Queued(readings.Count, urgent.Count);
        signal.Notify();
    }

    /// <summary>
    /// The next rows to evaluate together: urgent rows first (only urgent ones then), else ordinary rows, each kind
    /// oldest first, up to <paramref name="maxReadings"/> readings in at most <see cref="MaxRowsPerPeek"/> rows — always
    /// at least one row.
    /// </summary>
    public Task<List<QueuedBatch>> PeekAsync(int maxReadings, CancellationToken ct) => PeekAsync(maxReadings, maxReadings, ct);

    /// <summary>
    /// As <see cref="PeekAsync(int, CancellationToken)"/>, with a larger bound for ordinary rows: a backlog of them is
    /// evaluated in fewer, larger batches, while urgent rows still go in batches small enough to commit quickly.
    /// </summary>
    public async Task<List<QueuedBatch>> PeekAsync(int maxUrgentReadings, int maxOrdinaryReadings, CancellationToken ct)
    {
        await database.EnsureMigratedAsync(ct);
        await using var db = database.CreateContext();
        // Sizes first (the index covers the order), so a backlog's JSON is not loaded only to be left in the queue.
        var heads = await db.EvaluationQueue.AsNoTracking()
            .OrderByDescending(q => q.Urgent).ThenBy(q => q.Id)
            .Select(q => new { q.Id, q.Urgent, q.ReadingCount })
            .Take(MaxRowsPerPeek)
            .ToListAsync(ct);
        _decoded.Prune(heads.Count == 0 ? null : heads[0].Id, heads.Count > 0 && heads[0].Urgent);
        var maxReadings = heads.Count > 0 && heads[0].Urgent ? maxUrgentReadings : maxOrdinaryReadings;
        var chosen = new List<long>();
        var total = 0;
        foreach (var head in heads)
        {
            if (chosen.Count > 0 && (head.Urgent != heads[0].Urgent || total + head.ReadingCount > maxReadings))
            {
                break;
            }

            chosen.Add(head.Id);
            total += head.ReadingCount;
        }

        if (chosen.Count == 0)
        {
            return [];
        }

        // Chosen rows all have one urgency, so id order is queue order.
        var batches = new List<QueuedBatch>(chosen.Count);
        var unread = new List<long>();
        foreach (var id in chosen)
        {
            if (_decoded.TryTake(id, out var decoded))
            {
                batches.Add(decoded);
            }
            else
            {
                unread.Add(id);
            }
        }

        if (unread.Count > 0)
        {
            var rows = await db.EvaluationQueue.AsNoTracking().Where(q => unread.Contains(q.Id)).ToListAsync(ct);
            batches.AddRange(rows.Select(r => new QueuedBatch(r.Id, r.Urgent, DateTimeOffset.FromUnixTimeMilliseconds(r.EnqueuedAtUnixMs), Parse(r))));
            batches.Sort((a, b) => a.QueueId.CompareTo(b.QueueId));
        }

        return batches;
    }

    public Task WaitForWorkAsync(TimeSpan poll, CancellationToken ct) => signal.WaitAsync(poll, time, ct);

    private async Task InsertChunksAsync(
        DbCommand insert, RowParameters row, List<ReceivedReading> readings, bool isUrgent, List<(long, bool, ReadingMessage[])> inserted, CancellationToken ct)
    {
        row.Urgent.Value = isUrgent;
        // A row is at most one engine batch, so the worker can always take a whole row.
        foreach (var chunk in readings.Chunk(options.Value.BatchSize))
        {
            var chunkReadings = Array.ConvertAll(chunk, q => q.Reading);
            row.Count.Value = chunk.Length;
            var json = QueueRowJson.From(chunk) ?? JsonSerializer.SerializeToUtf8Bytes(chunkReadings, ContractJsonContext.Default.ReadingMessageArray);
            row.Readings.Value = database.IsPostgres ? Encoding.UTF8.GetString(json) : json;
            var id = Convert.ToInt64(await insert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            inserted.Add((id, isUrgent, chunkReadings));
        }
    }

    private static string InsertSql(string readings) =>
        $"""INSERT INTO "{EvaluationQueueItem.TableName}" ("Urgent", "ReadingCount", "Readings", "EnqueuedAtUnixMs") VALUES (@urgent, @count, {readings}, @enqueuedAt) RETURNING "Id" """;

    private ReadingMessage[] Parse(EvaluationQueueItem row)
    {
        try
        {
            if (row.Readings.StartsWith('[') && ReadingJsonFastPath.TryRead(Encoding.UTF8.GetBytes(row.Readings), out var fast))
            {
                return fast;
            }

            var readings = JsonSerializer.Deserialize(row.Readings, ContractJsonContext.Default.ReadingMessageArray)
                ?? throw new JsonException("the queued readings are JSON null");
            return readings.Contains(null) ? throw new JsonException("the queued readings contain a JSON null") : readings;
        }
        catch (JsonException ex)
        {
            // Only this process writes the rows, from validated readings: a row that does not parse means a corrupt
            // registry. Stop here (the worker retries and logs) rather than skip readings no one would evaluate.
            LogUnreadableRow(logger, row.Id, row.ReadingCount, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Evaluation queue row {RowId} ({ReadingCount} readings) does not parse: {Reason}")]
    private static partial void LogUnreadableRow(ILogger logger, long rowId, int readingCount, string reason);

    /// <summary>The prepared insert's parameters, set per row.</summary>
    private sealed class RowParameters
    {
        public RowParameters(DbCommand insert)
        {
            Urgent = Add(insert, "@urgent");
            Count = Add(insert, "@count");
            Readings = Add(insert, "@readings");
            EnqueuedAt = Add(insert, "@enqueuedAt");
        }

        public DbParameter Urgent { get; }

        public DbParameter Count { get; }

        public DbParameter Readings { get; }

        public DbParameter EnqueuedAt { get; }

        private static DbParameter Add(DbCommand command, string name)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }
    }
}
