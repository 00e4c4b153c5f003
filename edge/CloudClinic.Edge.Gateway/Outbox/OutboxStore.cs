using System.Text.Json;
using CloudClinic.Contracts;
using Microsoft.Data.Sqlite;

namespace CloudClinic.Edge.Gateway.Outbox;

/// <summary>
/// The durable outbox (DESIGN.md §5). Keyed by readingId — a reading read twice is one row. Served urgent-looking
/// first, then oldest first; a row is deleted only after the broker acknowledged it. Within <see cref="OutboxBudget"/>:
/// a reading that would pass the budget is refused, nothing stored is ever dropped to make room.
/// </summary>
internal sealed class OutboxStore(OutboxDatabase database, RejectedFrameStore rejectedFrames, OutboxBudget budget)
{
    private long _count = -1;
    private long _additions;
    private TaskCompletionSource _added = NewSignal();

    /// <summary>Raised after rows were added or deleted (backlog changed).</summary>
    public event Action? Changed;

    /// <summary>Readings committed and not yet acknowledged by the broker.</summary>
    public long Count
    {
        get
        {
            var count = Interlocked.Read(ref _count);
            return count >= 0 ? count : database.Use(LoadCount);
        }
    }

    /// <summary>Increments with every added row; pair with <see cref="WaitForAdditionAsync"/> to never miss one.</summary>
    public long AdditionVersion => Interlocked.Read(ref _additions);

    /// <summary>Commits a reading, unless a row with the same readingId is already waiting or the budget is reached.</summary>
    public OutboxAddResult TryAdd(ReadingMessage reading)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(reading, ContractJsonContext.Default.ReadingMessage);
        var result = database.Use(connection =>
        {
            LoadCount(connection);
            if (!budget.Fits(connection, payload.Length, out var usedBytes))
            {
                // A duplicate needs no room: say so rather than raise the alarm for it.
                if (Exists(connection, reading.ReadingId))
                {
                    return OutboxAddResult.Duplicate;
                }

                budget.Refuse(payload.Length, usedBytes);
                return OutboxAddResult.Refused;
            }

            using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO outbox (reading_id, urgent, received_at, payload) VALUES ($id, $urgent, $received, $payload)";
            command.Parameters.AddWithValue("$id", reading.ReadingId);
            command.Parameters.AddWithValue("$urgent", UrgencyClassifier.LooksUrgent(reading) ? 1 : 0);
            command.Parameters.AddWithValue("$received", reading.ReceivedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$payload", payload);
            if (command.ExecuteNonQuery() != 1)
            {
                return OutboxAddResult.Duplicate;
            }

            Interlocked.Increment(ref _count);
            Interlocked.Increment(ref _additions);
            Interlocked.Exchange(ref _added, NewSignal()).TrySetResult();
            budget.Recheck(connection);
            return OutboxAddResult.Added;
        });

        if (result == OutboxAddResult.Added)
        {
            Changed?.Invoke();
        }

        return result;
    }

    /// <summary>Completes when a reading was added after <paramref name="seenVersion"/> was read.</summary>
    public Task WaitForAdditionAsync(long seenVersion, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _added).Task;
        return AdditionVersion != seenVersion ? Task.CompletedTask : signal.WaitAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> waiting readings in send order, skipping <paramref name="exclude"/> (in flight).</summary>
    public IReadOnlyList<OutboxEntry> Peek(int max, IReadOnlySet<string> exclude)
    {
        var corrupt = new List<(string Id, byte[] Payload, string Reason)>();
        var entries = database.Use(connection =>
        {
            var found = new List<OutboxEntry>(Math.Min(max, 512));
            // Urgent first, then oldest first. One query per urgency level, each walking the (urgent) index in rowid
            // order: a single "ORDER BY urgent DESC, rowid" sorts the whole backlog on every peek (a temp B-tree),
            // which made replaying 100,000 readings quadratic.
            foreach (var urgent in (ReadOnlySpan<int>)[1, 0])
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT reading_id, payload FROM outbox WHERE urgent = $urgent ORDER BY rowid LIMIT $limit";
                command.Parameters.AddWithValue("$urgent", urgent);
                command.Parameters.AddWithValue("$limit", max - found.Count + exclude.Count);
                using var reader = command.ExecuteReader();
                while (found.Count < max && reader.Read())
                {
                    var id = reader.GetString(0);
                    if (exclude.Contains(id))
                    {
                        continue;
                    }

                    var payload = (byte[])reader.GetValue(1);
                    if (OutboxRowCheck.Problem(id, payload) is { } problem)
                    {
                        corrupt.Add((id, payload, $"outbox row unreadable: {problem}"));
                        continue;
                    }

                    found.Add(new OutboxEntry(id, urgent == 1, payload));
                }
            }

            return found;
        });

        // A row that can no longer be read must neither block the queue nor vanish: it moves to rejected_frames.
        foreach (var (id, payload, reason) in corrupt)
        {
            rejectedFrames.Add("outbox", reason, payload, withinBudget: false);
            Delete([id]);
        }

        return entries;
    }

    /// <summary>Deletes acknowledged readings; returns how many rows went.</summary>
    public int Delete(IReadOnlyCollection<string> readingIds)
    {
        var deleted = database.Use(connection =>
        {
            LoadCount(connection);
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM outbox WHERE reading_id = $id";
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var count = 0;
            foreach (var readingId in readingIds)
            {
                id.Value = readingId;
                count += command.ExecuteNonQuery();
            }

            transaction.Commit();
            Interlocked.Add(ref _count, -count);
            if (Interlocked.Read(ref _count) == 0)
            {
                ReclaimSpace(connection);
            }

            budget.Recheck(connection);
            return count;
        });

        if (deleted > 0)
        {
            Changed?.Invoke();
        }

        return deleted;
    }

    /// <summary>
    /// Gives free pages back to the file system once the outbox is empty and a quarter of the file is free (a file
    /// created with auto_vacuum=INCREMENTAL; on an older file the pragma does nothing and the free pages are reused
    /// instead). Only when empty: a replay deletes from the front of the file, so vacuuming mid-replay moved the live
    /// rows from the end of the file forward again and again (half the delete cost in bench/gateway); with no rows
    /// left it is a truncation. Free pages never count against the budget (OutboxBudget), so waiting costs no room.
    /// </summary>
    private static void ReclaimSpace(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT freelist_count > 0 AND freelist_count * 4 >= page_count FROM pragma_freelist_count, pragma_page_count";
        if ((long)command.ExecuteScalar()! == 1)
        {
            command.CommandText = "PRAGMA incremental_vacuum";
            command.ExecuteNonQuery();
        }
    }

    private static bool Exists(SqliteConnection connection, string readingId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM outbox WHERE reading_id = $id)";
        command.Parameters.AddWithValue("$id", readingId);
        return (long)command.ExecuteScalar()! == 1;
    }

    /// <summary>Reads the row count once (under the database lock); afterwards it is kept in step in memory.</summary>
    private long LoadCount(SqliteConnection connection)
    {
        if (Interlocked.Read(ref _count) < 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM outbox";
            Interlocked.Exchange(ref _count, (long)command.ExecuteScalar()!);
        }

        return Interlocked.Read(ref _count);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
